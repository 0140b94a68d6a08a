/**
 * The node tree of a workflow, as `argo get` and `argo submit --watch` show it:
 * status icon, name, template, pod, duration and message per node.
 */
import { type NodeStatus, podNameForNode, type Workflow } from "@wfc/client";
import { between, table } from "./format.js";

const ICONS: Record<string, string> = {
  Succeeded: "✔",
  Running: "●",
  Pending: "◷",
  Failed: "✖",
  Error: "⚠",
  Skipped: "○",
  Omitted: "○",
};

/** Status icon of a phase. @example `icon("Failed") // "✖"` */
export function icon(phase: string | undefined): string {
  return ICONS[phase ?? "Pending"] ?? "◷";
}

/** One row of the tree. */
export interface TreeRow {
  readonly node: NodeStatus;
  /** Tree drawing prefix, e.g. `├─`. */
  readonly prefix: string;
  readonly podName: string;
}

/** Which nodes a tree shows (`--status`, `--node-field-selector`); the others' children still show. */
export type NodeFilter = (node: NodeStatus) => boolean;

/**
 * Walks `status.nodes` from the root in `children` order; with `keep`, only the rows of the nodes it keeps.
 *
 * @example
 * ```ts
 * for (const row of treeRows(wf)) console.log(row.prefix, row.node.displayName);
 * ```
 */
export function treeRows(wf: Workflow, keep?: NodeFilter): TreeRow[] {
  const nodes = wf.status?.nodes ?? {};
  const name = wf.metadata?.name ?? "";
  const all = Object.values(nodes);
  if (all.length === 0) return [];
  const childIds = new Set(all.flatMap((n) => n.children ?? []));
  const roots = nodes[name] ? [nodes[name]] : all.filter((n) => !childIds.has(n.id));
  const rows: TreeRow[] = [];
  const seen = new Set<string>();
  const walk = (node: NodeStatus, indent: string, last: boolean, depth: number): void => {
    if (seen.has(node.id)) return;
    seen.add(node.id);
    rows.push({
      node,
      prefix: depth === 0 ? "" : `${indent}${last ? "└─" : "├─"}`,
      podName: podNameForNode(name, node) ?? "",
    });
    const kids = (node.children ?? []).map((id) => nodes[id]).filter((n): n is NodeStatus => !!n);
    for (const [i, k] of kids.entries())
      walk(k, depth === 0 ? "" : `${indent}${last ? "  " : "│ "}`, i === kids.length - 1, depth + 1);
  };
  for (const r of roots) walk(r, "", true, 0);
  return keep ? rows.filter((r) => keep(r.node)) : rows;
}

/**
 * Renders the tree as a table (STEP, TEMPLATE, PODNAME, DURATION, MESSAGE).
 *
 * @example
 * ```ts
 * process.stdout.write(renderTree(wf));
 * ```
 */
export function renderTree(wf: Workflow, now = Date.now(), keep?: NodeFilter): string {
  const rows = treeRows(wf, keep).map((r) => [
    ` ${r.prefix}${icon(r.node.phase)} ${r.node.displayName ?? r.node.name}`,
    r.node.templateName ?? r.node.templateRef?.template ?? "",
    r.podName,
    between(r.node.startedAt, r.node.finishedAt, now),
    r.node.message ?? "",
  ]);
  if (rows.length === 0) return "";
  return table([["STEP", "TEMPLATE", "PODNAME", "DURATION", "MESSAGE"], ...rows]);
}

/**
 * The summary `argo get` prints above the tree.
 *
 * @example
 * ```ts
 * process.stdout.write(renderSummary(wf));
 * ```
 */
export function renderSummary(wf: Workflow, now = Date.now()): string {
  const s = wf.status ?? {};
  const lines: [string, string][] = [
    ["Name:", wf.metadata?.name ?? ""],
    ["Namespace:", wf.metadata?.namespace ?? ""],
    ["Status:", s.phase || "Pending"],
  ];
  if (s.message) lines.push(["Message:", s.message]);
  if (wf.metadata?.creationTimestamp) lines.push(["Created:", wf.metadata.creationTimestamp]);
  if (s.startedAt) lines.push(["Started:", s.startedAt]);
  if (s.finishedAt) lines.push(["Finished:", s.finishedAt]);
  if (s.startedAt) lines.push(["Duration:", between(s.startedAt, s.finishedAt, now)]);
  if (s.progress) lines.push(["Progress:", s.progress]);
  const params =
    (wf.spec as { arguments?: { parameters?: { name: string; value?: string }[] } } | undefined)?.arguments
      ?.parameters ?? [];
  let out = lines.map(([k, v]) => `${k.padEnd(15)}${v}\n`).join("");
  if (params.length)
    out += `Parameters:\n${params.map((p) => `  ${p.name}:${" ".repeat(Math.max(1, 12 - p.name.length))}${p.value ?? ""}\n`).join("")}`;
  return out;
}
