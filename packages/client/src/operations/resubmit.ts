/**
 * Resubmitting a workflow the way Argo does (`workflow/util.FormulateResubmitWorkflow`): a new
 * Workflow with the same spec and user labels, labelled `resubmitted-from-workflow`; with
 * `memoized`, the succeeded pods of the old run are carried over as Skipped nodes.
 */
import { randomInt } from "node:crypto";
import type { NodeStatus, Workflow } from "../types.js";
import { nodeId } from "./node-ids.js";
import { overrideParameters } from "./parameters.js";
import { WorkflowActionError } from "./retry.js";

/**
 * Options of {@link formulateResubmit}.
 *
 * @example
 * ```ts
 * formulateResubmit(wf, { memoized: true });
 * ```
 */
export interface ResubmitOptions {
  /** Re-use the succeeded steps of the old run (the workflow must be Failed or Error). @default false */
  readonly memoized?: boolean;
  /** `NAME=VALUE` overrides of the workflow's parameters. @default [] */
  readonly parameters?: readonly string[];
  /** Name suffix for memoized resubmits. @default 5 random `[a-z0-9]` */
  readonly suffix?: string;
  /** Clock for the timestamps written. @default () => new Date() */
  readonly now?: () => Date;
}

const DROPPED_LABELS = new Set([
  "workflows.argoproj.io/creator",
  "workflows.argoproj.io/creator-email",
  "workflows.argoproj.io/creator-preferred-username",
  "workflows.argoproj.io/phase",
  "workflows.argoproj.io/completed",
  "workflows.argoproj.io/workflow-archiving-status",
]);

/** The label Argo puts on a resubmitted workflow, naming the original. @example `wf.metadata.labels[RESUBMITTED_FROM]` */
export const RESUBMITTED_FROM = "workflows.argoproj.io/resubmitted-from-workflow";

function randomSuffix(): string {
  const letters = "abcdefghijklmnopqrstuvwxyz0123456789";
  let s = "";
  for (let i = 0; i < 5; i++) s += letters[randomInt(letters.length)];
  return s;
}

function succeededBelow(nodes: Record<string, NodeStatus>, node: NodeStatus): boolean {
  for (const c of node.children ?? []) {
    const child = nodes[c];
    if (child && (child.phase === "Succeeded" || succeededBelow(nodes, child))) return true;
  }
  return false;
}

/**
 * The new workflow to create for a resubmit of `wf`.
 *
 * @example
 * ```ts
 * const created = await client.create(formulateResubmit(oldWf));
 * ```
 */
export function formulateResubmit(wf: Workflow, options: ResubmitOptions = {}): Workflow {
  const oldName = wf.metadata?.name ?? "";
  const generateName = wf.metadata?.generateName || `${oldName}-`;
  const memoized = options.memoized ?? false;
  let name: string | undefined;
  if (memoized) {
    const phase = wf.status?.phase ?? "";
    if (phase !== "Failed" && phase !== "Error")
      throw new WorkflowActionError(
        `cannot resubmit Workflow "${oldName}" with --memoized in phase ${phase || "Pending"}: it must be Failed or Error`,
      );
    name = generateName + (options.suffix ?? randomSuffix());
  }
  const spec = structuredClone(wf.spec) as Record<string, unknown>;
  if (spec.activeDeadlineSeconds === 0) delete spec.activeDeadlineSeconds;
  delete spec.shutdown;
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(wf.metadata?.labels ?? {})) if (!DROPPED_LABELS.has(k)) labels[k] = v;
  labels[RESUBMITTED_FROM] = oldName;
  const next: Workflow = {
    apiVersion: wf.apiVersion ?? "argoproj.io/v1alpha1",
    kind: wf.kind ?? "Workflow",
    metadata: {
      ...(name ? { name } : {}),
      generateName,
      labels,
      annotations: { ...wf.metadata?.annotations },
      ...(wf.metadata?.ownerReferences?.length
        ? { ownerReferences: structuredClone(wf.metadata.ownerReferences) }
        : {}),
    },
    spec: spec as Workflow["spec"],
  };
  if (options.parameters?.length) overrideParameters(next, options.parameters);
  if (!memoized || !name) return next;

  const newName = name;
  const nodes = (wf.status?.nodes ?? {}) as Record<string, NodeStatus>;
  const rename = (n: string): string => (n.startsWith(oldName) ? newName + n.slice(oldName.length) : n);
  const convertId = (id: string): string => nodeId(newName, rename(nodes[id]?.name ?? ""));
  const at = (options.now ?? (() => new Date()))()
    .toISOString()
    .replace(/\.\d+Z$/, "Z");
  const newNodes: Record<string, NodeStatus> = {};
  for (const node of Object.values(nodes)) {
    if (node.name.startsWith(`${oldName}.onExit`)) continue;
    const n: NodeStatus = structuredClone(node);
    n.name = rename(node.name);
    n.id = nodeId(newName, n.name);
    if (node.boundaryID) n.boundaryID = convertId(node.boundaryID);
    const failed = n.phase === "Failed" || n.phase === "Error";
    if (failed && n.type === "Pod") {
      delete n.startedAt;
      delete n.finishedAt;
    } else {
      n.startedAt = at;
      n.finishedAt = at;
    }
    n.children = (node.children ?? []).map(convertId);
    n.outboundNodes = (node.outboundNodes ?? []).map(convertId);
    if (!n.children.length) delete n.children;
    if (!n.outboundNodes.length) delete n.outboundNodes;
    if (!failed && n.type === "Pod") {
      n.phase = "Skipped";
      n.type = "Skipped";
      n.message = `original pod: ${node.id}`;
    } else if (n.type === "Skipped" && !succeededBelow(nodes, node)) {
      continue;
    } else {
      n.phase = "Pending";
      delete n.message;
    }
    newNodes[n.id] = n;
  }
  next.status = {
    nodes: newNodes,
    ...(wf.status?.storedTemplates ? { storedTemplates: structuredClone(wf.status.storedTemplates) } : {}),
    conditions: [{ status: "False", type: "Completed" }],
  } as Workflow["status"];
  return next;
}
