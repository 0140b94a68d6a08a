/**
 * `wfc get -o wide`: the node tree with the extra columns of `argo get -o wide` (output artifacts,
 * resources duration, the Kubernetes node a pod ran on).
 */
import type { Workflow } from "@wfc/client";
import { between, table } from "./format.js";
import { icon, treeRows } from "./tree.js";

function resources(d: Readonly<Record<string, number>> | undefined): string {
  if (!d) return "";
  return Object.keys(d)
    .sort()
    .map((k) => `${d[k]}s*(${k === "cpu" ? "1 cpu" : k === "memory" ? "100Mi memory" : k})`)
    .join(",");
}

/**
 * Renders the tree with STEP, TEMPLATE, PODNAME, DURATION, ARTIFACTS, MESSAGE, RESOURCESDURATION, NODENAME.
 *
 * @example
 * ```ts
 * process.stdout.write(renderWideTree(wf));
 * ```
 */
export function renderWideTree(wf: Workflow, now = Date.now()): string {
  const rows = treeRows(wf).map((r) => [
    ` ${r.prefix}${icon(r.node.phase)} ${r.node.displayName ?? r.node.name}`,
    r.node.templateName ?? r.node.templateRef?.template ?? "",
    r.podName,
    between(r.node.startedAt, r.node.finishedAt, now),
    (r.node.outputs?.artifacts ?? []).map((a) => a.name).join(","),
    r.node.message ?? "",
    resources(r.node.resourcesDuration as Record<string, number> | undefined),
    r.node.hostNodeName ?? "",
  ]);
  if (rows.length === 0) return "";
  return table([
    ["STEP", "TEMPLATE", "PODNAME", "DURATION", "ARTIFACTS", "MESSAGE", "RESOURCESDURATION", "NODENAME"],
    ...rows,
  ]);
}
