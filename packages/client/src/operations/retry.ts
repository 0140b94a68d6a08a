/**
 * Retrying a workflow the way Argo does (`workflow/util.FormulateRetryWorkflow`): the same Workflow
 * object is kept; failed execution nodes (and, with `restartSuccessful`, the nodes a
 * `nodeFieldSelector` names) are deleted with everything below them, the group nodes on their path
 * are reset to Running, and the pods of deleted nodes are listed for deletion.
 */
import type { NodeStatus, Workflow } from "../types.js";
import { WfcError } from "../wfc-error.js";
import { nodeMatches, parseFieldSelector } from "./field-selector.js";
import { podOfNode } from "./node-ids.js";
import { overrideParameters } from "./parameters.js";

/**
 * Options of {@link formulateRetry}.
 *
 * @example
 * ```ts
 * formulateRetry(wf, { restartSuccessful: true, nodeFieldSelector: "templateName=load" });
 * ```
 */
export interface RetryOptions {
  /** Also restart the succeeded nodes `nodeFieldSelector` matches. @default false */
  readonly restartSuccessful?: boolean;
  /** Field selector of nodes to restart (with `restartSuccessful`). @default "" */
  readonly nodeFieldSelector?: string;
  /** `NAME=VALUE` overrides of the workflow's parameters. @default [] */
  readonly parameters?: readonly string[];
  /** Clock for the timestamps written. @default () => new Date() */
  readonly now?: () => Date;
}

/**
 * The workflow to write back and the pods to delete first.
 *
 * @example
 * ```ts
 * const { workflow, podsToDelete } = formulateRetry(wf);
 * ```
 */
export interface RetryPlan {
  readonly workflow: Workflow;
  /** Pod names, in node order. */
  readonly podsToDelete: readonly string[];
  /** Ids of the nodes removed from `status.nodes`. */
  readonly deletedNodes: readonly string[];
  /** Ids of the nodes reset to Running. */
  readonly resetNodes: readonly string[];
}

/**
 * A workflow that cannot be retried (Argo's `CodeBadRequest`), e.g. in phase Running.
 *
 * @example
 * ```ts
 * throw new WorkflowActionError('cannot retry Workflow "x": it is Running (only Failed or Error workflows can be retried)');
 * ```
 */
export class WorkflowActionError extends WfcError {
  constructor(message: string) {
    super("E_WORKFLOW_ACTION", message);
    this.name = "WorkflowActionError";
  }
}

interface DagNode {
  readonly n: NodeStatus;
  parent: DagNode | undefined;
  children: DagNode[];
}

const GROUP_TYPES = new Set(["DAG", "TaskGroup", "StepGroup", "Steps"]);
const EXECUTION_TYPES = new Set(["Container", "Pod", "HTTP", "Plugin"]);
const failedOrError = (n: NodeStatus): boolean => n.phase === "Failed" || n.phase === "Error";

function isDescendantNodeSucceeded(
  nodes: Record<string, NodeStatus>,
  node: NodeStatus,
  toReset: ReadonlySet<string>,
): boolean {
  for (const child of node.children ?? []) {
    const c = nodes[child];
    if (!c) continue;
    if ((!toReset.has(child) && c.phase === "Succeeded") || isDescendantNodeSucceeded(nodes, c, toReset)) return true;
  }
  return false;
}

function workflowDag(wfName: string, nodes: Record<string, NodeStatus>): Map<string, DagNode> {
  const dag = new Map<string, DagNode>();
  const parentOf = new Map<string, NodeStatus>();
  // a node that is the child of several (a task depending on several) keeps one parent: the last in id order
  for (const id of Object.keys(nodes).sort()) {
    const n = nodes[id] as NodeStatus;
    dag.set(n.id, { n, parent: undefined, children: [] });
    for (const c of n.children ?? []) parentOf.set(c, n);
  }
  for (const n of Object.values(nodes)) {
    const parent = parentOf.get(n.id);
    if (!parent && n.name !== wfName && !n.name.startsWith(`${wfName}.onExit`))
      throw new WorkflowActionError(`cannot retry Workflow "${wfName}": could not find the parent of node ${n.id}`);
    const d = dag.get(n.id) as DagNode;
    d.parent = parent ? dag.get(parent.id) : undefined;
    d.children = (n.children ?? []).map((c) => {
      const child = dag.get(c);
      if (!child)
        throw new WorkflowActionError(`cannot retry Workflow "${wfName}": node ${n.id} has a missing child ${c}`);
      return child;
    });
  }
  return dag;
}

/** Breadth-first from the root node (named like the workflow); exit-handler nodes are not reached. */
function dagSorted(wfName: string, dag: Map<string, DagNode>): DagNode[] {
  const root = [...dag.values()].find((d) => d.n.name === wfName);
  if (!root) throw new WorkflowActionError(`cannot retry Workflow "${wfName}": it has no root node`);
  const out: DagNode[] = [];
  const seen = new Set([root.n.id]);
  const queue = [root];
  while (queue.length) {
    const cur = queue.shift() as DagNode;
    out.push(cur);
    for (const c of cur.children) {
      if (seen.has(c.n.id)) continue;
      seen.add(c.n.id);
      queue.push(c);
    }
  }
  return out;
}

function descendants(n: DagNode): Set<string> {
  const out = new Set<string>();
  const queue = [n];
  while (queue.length) {
    const cur = queue.shift() as DagNode;
    for (const c of cur.children) {
      out.add(c.n.id);
      queue.push(c);
    }
  }
  return out;
}

function resetUntil(n: DagNode, match: (d: DagNode) => boolean, reset: (id: string) => void): DagNode {
  for (let cur: DagNode | undefined = n; ; cur = cur.parent) {
    if (!cur) throw new WorkflowActionError("cannot retry: was seeking a node but ran out of nodes to explore");
    if (match(cur)) {
      reset(cur.n.id);
      return cur;
    }
  }
}

function resetBoundaries(n: DagNode, reset: (id: string) => void): DagNode | undefined {
  let cur: DagNode | undefined = n;
  for (;;) {
    if (!cur) return cur;
    if (cur.parent?.n.type === "Retry") {
      reset(cur.parent.n.id);
      cur = cur.parent;
    }
    if (cur.parent?.n.type === "StepGroup") reset(cur.parent.n.id);
    if (cur.parent?.n.type === "TaskGroup") reset(cur.parent.n.id);
    const boundary: string | undefined = cur.n.boundaryID;
    if (!boundary) return cur.parent;
    cur = resetUntil(cur, (d) => d.n.id === boundary, reset);
  }
}

function resetPath(start: DagNode): { reset: Set<string>; del: Set<string> } {
  const del = descendants(start);
  del.add(start.n.id);
  const reset = new Set<string>();
  if (!start.parent) return { reset, del };
  const addReset = (id: string): void => void reset.add(id);
  let cur: DagNode | undefined = start;
  while (cur) {
    if (GROUP_TYPES.has(cur.n.type)) {
      addReset(cur.n.id);
      cur = resetBoundaries(cur, addReset);
      continue;
    }
    if (cur.n.type === "Retry" && failedOrError(cur.n)) addReset(cur.n.id);
    else if (cur.n.type === "Container") {
      const pod = resetUntil(cur, (d) => d.n.type === "Pod", addReset);
      del.add(pod.n.id);
      for (const c of descendants(pod)) del.add(c);
      cur = pod;
      continue;
    }
    cur = cur.parent;
  }
  return { reset, del };
}

function stamp(now: () => Date): string {
  return now()
    .toISOString()
    .replace(/\.\d+Z$/, "Z");
}

function resetNode(node: NodeStatus, now: () => Date): NodeStatus {
  const out: NodeStatus = structuredClone(node);
  if (out.type === "Suspend" && out.outputs?.parameters) {
    out.outputs.parameters = out.outputs.parameters.map((p) => ({ name: p.name, valueFrom: { supplied: {} } }));
  }
  out.phase = out.phase === "Skipped" ? "Skipped" : "Running";
  delete out.message;
  out.startedAt = stamp(now);
  delete out.finishedAt;
  return out;
}

/**
 * Computes a retry of `wf` (Failed or Error; a Succeeded one only with `restartSuccessful` and a
 * `nodeFieldSelector`), as Argo's `FormulateRetryWorkflow`.
 *
 * @example
 * ```ts
 * const plan = formulateRetry(failedWf, { parameters: ["message=again"] });
 * for (const pod of plan.podsToDelete) await deletePod(pod);
 * await client.update(plan.workflow);
 * ```
 */
export function formulateRetry(wf: Workflow, options: RetryOptions = {}): RetryPlan {
  const name = wf.metadata?.name ?? "";
  const now = options.now ?? (() => new Date());
  const selector = options.nodeFieldSelector ?? "";
  const phase = wf.status?.phase ?? "";
  if (phase === "Succeeded") {
    if (!options.restartSuccessful || !selector)
      throw new WorkflowActionError(
        `cannot retry Workflow "${name}": it Succeeded; to restart some of its nodes pass --restart-successful and --node-field-selector`,
      );
  } else if (phase !== "Failed" && phase !== "Error") {
    throw new WorkflowActionError(
      `cannot retry Workflow "${name}" in phase ${phase || "Pending"}: only Failed or Error workflows can be retried`,
    );
  }
  const terms = parseFieldSelector(selector);
  const nodes = (wf.status?.nodes ?? {}) as Record<string, NodeStatus>;
  const onExit = `${name}.onExit`;

  // createNewRetryWorkflow
  const next: Workflow = structuredClone(wf);
  const labels = { ...next.metadata?.labels };
  delete labels["workflows.argoproj.io/completed"];
  delete labels["workflows.argoproj.io/workflow-archiving-status"];
  next.metadata = { ...next.metadata, labels };
  const status = { ...next.status } as NonNullable<Workflow["status"]> & Record<string, unknown>;
  const conditions = [...(status.conditions ?? [])];
  const at = conditions.findIndex((c) => c.type === "Completed");
  if (at >= 0) conditions[at] = { status: "False", type: "Completed" };
  else conditions.push({ status: "False", type: "Completed" });
  status.conditions = conditions;
  delete status.phase;
  delete status.message;
  delete status.finishedAt;
  delete status.persistentVolumeClaims;
  status.startedAt = stamp(now);
  const newNodes: Record<string, NodeStatus> = {};
  if (status.storedWorkflowTemplateSpec) {
    const { shutdown: _s, ...stored } = status.storedWorkflowTemplateSpec;
    status.storedWorkflowTemplateSpec = stored;
  }
  next.status = status;
  const spec = { ...next.spec } as Record<string, unknown>;
  delete spec.shutdown;
  if (spec.activeDeadlineSeconds === 0) delete spec.activeDeadlineSeconds;
  next.spec = spec as Workflow["spec"];
  if (options.parameters?.length) overrideParameters(next, options.parameters);

  // nodes to restart: selected succeeded ones, and failed execution nodes without a succeeded descendant
  const toRestart = new Set<string>();
  if (options.restartSuccessful && terms.length)
    for (const n of Object.values(nodes)) if (nodeMatches(terms, n)) toRestart.add(n.id);
  const failed: string[] = [];
  for (const [id, node] of Object.entries(nodes)) {
    if (!failedOrError(node) || !EXECUTION_TYPES.has(node.type)) continue;
    let n = node;
    if (node.nodeFlag?.retried)
      n = Object.values(nodes).find((r) => r.type === "Retry" && r.children?.includes(id)) ?? n;
    if (!isDescendantNodeSucceeded(nodes, n, toRestart)) failed.push(id);
  }
  for (const id of failed) toRestart.add(id);

  const dag = workflowDag(name, nodes);
  const sorted = dagSorted(name, dag);
  const toReset = new Set<string>();
  const toDelete = new Set<string>();
  // top-down, so a node below one already deleted is not walked again
  for (const d of sorted) {
    if (!toRestart.has(d.n.id) || toDelete.has(d.n.id)) continue;
    const { reset, del } = resetPath(d);
    for (const id of reset) toReset.add(id);
    for (const id of del) toDelete.add(id);
  }
  // new parameter values: group nodes being reset are re-expanded
  if (options.parameters?.length) {
    for (const id of toReset) {
      if (toDelete.has(id)) continue;
      const t = nodes[id]?.type;
      if (t === "TaskGroup" || t === "StepGroup") for (const c of descendants(dag.get(id) as DagNode)) toDelete.add(c);
    }
  }
  const resetIds: string[] = [];
  for (const id of Object.keys(nodes)) {
    if (!toReset.has(id) || toDelete.has(id)) continue;
    newNodes[id] = resetNode(nodes[id] as NodeStatus, now);
    resetIds.push(id);
  }
  const pods: string[] = [];
  const addPod = (n: NodeStatus): void => {
    const p = podOfNode(wf, n);
    if (!pods.includes(p)) pods.push(p);
  };
  for (const [id, n] of Object.entries(nodes)) if (toDelete.has(id) && n.type === "Pod") addPod(n);
  for (const [id, n] of Object.entries(nodes)) {
    const drop = toDelete.has(id) || n.name.startsWith(onExit);
    if (!newNodes[id] && !drop) newNodes[id] = structuredClone(n);
    if (n.name === onExit) {
      // the exit handler runs again: every pod of its subtree goes
      const queue = [n];
      while (queue.length) {
        const cur = queue.shift() as NodeStatus;
        addPod(cur);
        for (const c of cur.children ?? []) {
          const child = nodes[c];
          if (!child)
            throw new WorkflowActionError(`cannot retry Workflow "${name}": node ${cur.id} has a missing child ${c}`);
          queue.push(child);
        }
      }
    }
  }
  for (const [id, old] of Object.entries(nodes)) {
    const n = newNodes[id];
    if (!n) continue;
    const children = (old.children ?? []).filter((c) => !toDelete.has(c));
    const outbound = (old.outboundNodes ?? []).filter((c) => !toDelete.has(c));
    if (children.length) n.children = children;
    else delete n.children;
    if (outbound.length) n.outboundNodes = outbound;
    else delete n.outboundNodes;
  }
  status.nodes = newNodes;
  return {
    workflow: next,
    podsToDelete: pods,
    deletedNodes: Object.keys(nodes).filter((id) => toDelete.has(id) || !newNodes[id]),
    resetNodes: resetIds,
  };
}
