/**
 * The result of `runWorkflow`: the run's phase, its nodes in execution order, lookups by task
 * handle, template or name (typed by what you look up with), skipped nodes, the workflow's outputs
 * and the final Workflow object.
 */
import type { Task, Template } from "@wfc/sdk";
import type { Artifact, NodeStatus, Workflow } from "@wfc/sdk/argo";
import { isNodeScript } from "../exec/in-process.js";
import { HarnessCodes, HarnessError } from "./errors.js";
import { isTaskValue, isTemplateValue, type TemplateInfo, taskInfo, templateInfo } from "./introspect.js";
import { targetNames } from "./mock.js";
import { baseTaskName, type PodRecord } from "./mock-executor.js";
import { type NodeOutputs, type NodeView, nodeView } from "./node-view.js";

/**
 * A node typed by its template's declarations.
 *
 * @example
 * ```ts
 * const l: TypedNode<{ rows: z.ZodNumber }, string> = run.node(transform);
 * ```
 */
export type TypedNode<O, R> = NodeView<NodeOutputs<O>, R>;

/**
 * How a run ended, for a test to assert on.
 *
 * @example
 * ```ts
 * const run = await runWorkflow(etl, { mocks });
 * expect(run.phase).toBe("Succeeded");
 * expect(run.nodesOf(transform)).toHaveLength(3);
 * ```
 */
export interface WorkflowRun {
  /** `status.phase` of the workflow. */
  readonly phase: "Succeeded" | "Failed" | "Error";
  /** `status.message`, e.g. the failed node's message. */
  readonly message: string | undefined;
  /** The final Workflow object, `status` in Argo's shape. */
  readonly workflow: Workflow;
  /**
   * Every task-level node in the order the run scheduled them (node creation, as Argo's controller
   * creates them; `seq` has the order of starts and ends): pods, retry nodes, DAGs, steps,
   * suspends, skipped ones. Loop groups, step groups and single retry attempts are left out (see
   * `workflow.status.nodes` for all).
   */
  readonly nodes: readonly NodeView[];
  /** Nodes that did not run: `when` was false (Skipped) or `depends` was not met (Omitted). */
  readonly skipped: readonly NodeView[];
  /** Nodes that ended Failed or Error. */
  readonly failed: readonly NodeView[];
  /** The workflow's outputs (`status.outputs`: parameters and artifacts exported with `globalName`). */
  readonly outputs: {
    readonly parameters: Readonly<Record<string, string>>;
    readonly artifacts: Readonly<Record<string, Artifact>>;
  };
  /** Every pod attempt, in start order: which were mocked, their retry index. */
  readonly pods: readonly PodRecord[];
  /** The run's directory (status, logs, artifacts); undefined when it was a temporary one, removed after the run. */
  readonly runDir: string | undefined;
  /** With `resources: "memory"`: the object store's objects when the run ended (the run's Workflow and pods, what resource templates made). @default [] */
  readonly resources: readonly Readonly<Record<string, unknown>>[];
  /**
   * The one node of a task (its handle, or its name) or of a template's one call. Throws
   * `E_TEST_NO_NODE` when none matches and `E_TEST_AMBIGUOUS_NODE` when several do (a loop, a
   * template called twice): use {@link WorkflowRun.nodesOf} then.
   */
  node<O, R>(task: Task<O, R>): TypedNode<O, R>;
  node<I, O, R>(template: Template<I, O, R>): TypedNode<O, R>;
  node(name: string): NodeView;
  /** Every node of a task (each loop iteration), of a template (each call), or with a name; in execution order. */
  nodesOf<O, R>(task: Task<O, R>): readonly TypedNode<O, R>[];
  nodesOf<I, O, R>(template: Template<I, O, R>): readonly TypedNode<O, R>[];
  nodesOf(name: string): readonly NodeView[];
}

/** Everything the harness recorded while the run went. */
export interface RunRecord {
  readonly workflow: Workflow;
  readonly phase: "Succeeded" | "Failed" | "Error";
  readonly pods: readonly PodRecord[];
  /** Sequence positions of nodes seen in `onUpdate` snapshots. */
  readonly seen: ReadonlyMap<string, { start: number; end: number | undefined }>;
  readonly runDir: string | undefined;
  readonly resources?: readonly Readonly<Record<string, unknown>>[];
  /** Log lines by node name. */
  readonly logs: ReadonlyMap<string, readonly string[]>;
}

const GROUPS = new Set(["TaskGroup", "StepGroup"]);
const FULFILLED = new Set(["Succeeded", "Failed", "Error", "Skipped", "Omitted"]);

/** Builds the result from what was recorded. */
export function workflowRun(rec: RunRecord): WorkflowRun {
  const nodes = rec.workflow.status?.nodes ?? {};
  const all = Object.values(nodes);
  const parent = new Map<string, NodeStatus>();
  for (const n of all) for (const c of n.children ?? []) parent.set(c, n);
  const templates = new Map((rec.workflow.spec?.templates ?? []).map((t) => [t.name ?? "", t]));
  const podsOf = new Map<string, PodRecord[]>();
  for (const p of rec.pods) {
    const list = podsOf.get(p.nodeId) ?? [];
    list.push(p);
    podsOf.set(p.nodeId, list);
  }
  const isAttempt = (n: NodeStatus) => parent.get(n.id)?.type === "Retry";
  const logical = all.filter((n) => !GROUPS.has(n.type) && !isAttempt(n));
  const creation = new Map(all.map((n, i) => [n.id, i]));

  const podRecords = (n: NodeStatus): PodRecord[] =>
    n.type === "Retry" ? (n.children ?? []).flatMap((c) => podsOf.get(c) ?? []) : (podsOf.get(n.id) ?? []);
  const seqOf = (n: NodeStatus) => {
    const pods = podRecords(n);
    const seen = rec.seen.get(n.id);
    const start = pods[0]?.start ?? seen?.start ?? Number.MAX_SAFE_INTEGER;
    const end =
      pods.length && pods[pods.length - 1]!.end !== undefined && n.type !== "Retry"
        ? pods[pods.length - 1]!.end
        : (seen?.end ?? (FULFILLED.has(n.phase ?? "") ? start : undefined));
    return { start, end };
  };
  const views = new Map<string, { n: NodeStatus; info: TemplateInfo | undefined; view: NodeView<unknown, unknown> }>();
  const viewOf = (n: NodeStatus, info: TemplateInfo | undefined): NodeView<unknown, unknown> => {
    const cached = views.get(n.id);
    if (cached && cached.info === info) return cached.view;
    const pods = podRecords(n);
    const attempts = n.type === "Retry" ? (n.children ?? []).length : pods.length;
    const manifestTemplate = templates.get(n.templateName ?? "");
    const view = nodeView(n, {
      template: info,
      jsonResult: manifestTemplate ? isNodeScript(manifestTemplate) : false,
      attempts,
      stdout: pods[pods.length - 1]?.stdout,
      seq: seqOf(n),
      logs:
        n.type === "Retry"
          ? (n.children ?? []).flatMap((c) => rec.logs.get(nodes[c]?.name ?? "") ?? [])
          : (rec.logs.get(n.name) ?? []),
    });
    views.set(n.id, { n, info, view });
    return view;
  };
  // The order the scheduler created the nodes in (as Argo's controller does): deterministic, and a
  // node is never created before the nodes it depends on have ended. Pod start times of parallel
  // siblings are not (their inputs are staged concurrently); `seq` has them.
  const byOrder = (a: NodeStatus, b: NodeStatus) =>
    (creation.get(a.id) ?? 0) - (creation.get(b.id) ?? 0) || seqOf(a).start - seqOf(b).start;
  const ordered = [...logical].sort(byOrder);
  const plain = ordered.map((n) => viewOf(n, undefined) as NodeView);

  const match = (target: unknown): { found: NodeStatus[]; info: TemplateInfo | undefined; what: string } => {
    if (typeof target === "string") {
      const found = ordered.filter(
        (n) =>
          n.id === target || n.name === target || n.displayName === target || baseTaskName(n.displayName) === target,
      );
      return { found, info: undefined, what: `"${target}"` };
    }
    if (isTaskValue(target)) {
      const t = taskInfo(target);
      const found = ordered.filter((n) => {
        if (baseTaskName(n.displayName) !== t.name) return false;
        const boundary = n.boundaryID ? nodes[n.boundaryID] : undefined;
        return t.scopeTemplate === undefined || boundary?.templateName === t.scopeTemplate;
      });
      return {
        found,
        info: t.template,
        what: `task "${t.name}"${t.scopeTemplate ? ` of template "${t.scopeTemplate}"` : ""}`,
      };
    }
    if (isTemplateValue(target)) {
      const info = templateInfo(target);
      const names = targetNames(info);
      // A templateRef node names its template in `templateRef` (Argo leaves `templateName` empty).
      return {
        found: ordered.filter((n) => names.includes(n.templateName || n.templateRef?.template || "")),
        info,
        what: `template "${info.name}"`,
      };
    }
    throw new TypeError("run.node() takes a task handle, a template or a name");
  };
  const known = () => [...new Set(ordered.map((n) => baseTaskName(n.displayName) ?? n.name))].join(", ");

  const status = rec.workflow.status;
  const run: WorkflowRun = {
    phase: rec.phase,
    message: status?.message || undefined,
    workflow: rec.workflow,
    nodes: plain,
    skipped: plain.filter((n) => n.phase === "Skipped" || n.phase === "Omitted"),
    failed: plain.filter((n) => n.phase === "Failed" || n.phase === "Error"),
    outputs: {
      parameters: Object.fromEntries((status?.outputs?.parameters ?? []).map((p) => [p.name, p.value ?? ""])),
      artifacts: Object.fromEntries((status?.outputs?.artifacts ?? []).map((a) => [a.name, a])),
    },
    pods: rec.pods,
    runDir: rec.runDir,
    resources: rec.resources ?? [],
    node(target: unknown) {
      const { found, info, what } = match(target);
      if (found.length === 0)
        throw new HarnessError(HarnessCodes.noNode, `no node of ${what} in this run (tasks: ${known()})`);
      if (found.length > 1) {
        throw new HarnessError(
          HarnessCodes.ambiguousNode,
          `${found.length} nodes of ${what} in this run (${found.map((n) => n.displayName).join(", ")}); use nodesOf() to get them all`,
        );
      }
      return viewOf(found[0]!, info);
    },
    nodesOf(target: unknown) {
      const { found, info } = match(target);
      return found.map((n) => viewOf(n, info));
    },
  } as WorkflowRun;
  return Object.freeze(run);
}
