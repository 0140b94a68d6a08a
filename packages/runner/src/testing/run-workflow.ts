/**
 * `runWorkflow`: compiles a wfc workflow and runs it with the local runner's scheduler (Argo's
 * semantics), on a virtual clock, with the test's mocks in front of the runner's executors.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type ArtifactDecl, compile, type Decls, isWorkflow, type WorkflowObject } from "@wfc/sdk";
import type { Workflow, WorkflowSpec } from "@wfc/sdk/argo";
import type { Clock } from "../clock.js";
import { virtualClock } from "../clock-virtual.js";
import { InProcessExecutor } from "../exec/in-process.js";
import { RouterExecutor } from "../exec/router.js";
import { execute } from "../execute.js";
import type { Executor } from "../executor.js";
import { HarnessCodes, HarnessError } from "./errors.js";
import type { SchemaLike } from "./introspect.js";
import type { Mock, ValueOf } from "./mock.js";
import { HarnessExecutor } from "./mock-executor.js";
import { unmockedContainerTemplates } from "./needs-engine.js";
import { type WorkflowRun, workflowRun } from "./run-result.js";
import { checkValue, encodeValue } from "./values.js";

/**
 * Values of a workflow's parameters, typed from its declarations (all optional: declared
 * defaults apply).
 *
 * @example
 * ```ts
 * const p: WorkflowParameters<{ date: z.ZodString }> = { date: "2026-03-01" };
 * ```
 */
export type WorkflowParameters<P> = {
  readonly [K in keyof P as P[K] extends ArtifactDecl ? never : K]?: ValueOf<P[K]>;
};

/**
 * Options of {@link runWorkflow}.
 *
 * @example
 * ```ts
 * const options: RunWorkflowOptions<{ date: z.ZodString }> = { parameters: { date: "2026-03-01" }, mocks: [mock(extract, { partitions: [] })] };
 * ```
 */
export interface RunWorkflowOptions<P = Decls> {
  /** Workflow parameters (`-p`), typed. @default the declared defaults */
  readonly parameters?: WorkflowParameters<P>;
  /** What pods do instead of running; see {@link mock}. @default [] */
  readonly mocks?: readonly Mock[];
  /**
   * Runs container pods no mock answers, e.g. `new ContainerExecutor({ engine: await detectEngine() })`.
   * Without one, a workflow with unmocked containers fails before it starts, naming them.
   * Node scripts always run in-process. @default none
   */
  readonly engine?: Executor;
  /** Run node scripts in their image on `engine` too, as `wfc run --isolate` does. @default false: in-process */
  readonly isolate?: boolean;
  /** Where time comes from. @default a fresh `virtualClock()`: backoffs, suspends and timeouts take no real time */
  readonly clock?: Clock;
  /** WorkflowTemplates / ClusterWorkflowTemplates that `templateRef` and `workflowTemplateRef` name. @default [] */
  readonly templates?: readonly (WorkflowObject | Workflow)[];
  /** The workflow's name when it has only `generateName`. @default generateName + "test" */
  readonly name?: string;
  /** The run's directory (status, logs, artifacts). @default a temporary directory, removed after the run */
  readonly runDir?: string;
  /** Keep the temporary run directory (to read artifacts after the run). @default false */
  readonly keepRunDir?: boolean;
  /** ConfigMaps and Secrets by name: key -> value. @default {} */
  readonly configMaps?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly secrets?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Called when a node suspends without a duration; resolve to resume. @default the node fails, saying so */
  readonly onSuspend?: (nodeName: string, signal: AbortSignal) => Promise<void>;
  /**
   * `"memory"`: resource templates act on a per-run in-memory object store, as `wfc run
   * --resources memory`; the run's `resources` lists its objects at the end. @default resource templates are refused
   */
  readonly resources?: "memory";
}

function specOf(m: Workflow | { kind?: string; spec?: { workflowSpec?: WorkflowSpec } }): WorkflowSpec {
  const spec = (m as { spec?: WorkflowSpec & { workflowSpec?: WorkflowSpec } }).spec;
  return (m.kind === "CronWorkflow" ? spec?.workflowSpec : spec) ?? ({} as WorkflowSpec);
}

function schemaOf(decl: unknown): SchemaLike | undefined {
  const d = decl as { schema?: SchemaLike; safeParse?: unknown } | undefined;
  if (d && typeof d.safeParse === "function") return d as SchemaLike;
  return d?.schema;
}

function parameterStrings(
  wf: WorkflowObject | Workflow,
  values: Readonly<Record<string, unknown>> | undefined,
): Record<string, string> | undefined {
  if (!values) return undefined;
  const out: Record<string, string> = {};
  const decls = isWorkflow(wf) ? (wf.parameters as Readonly<Record<string, unknown>>) : {};
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined) continue;
    const c = checkValue(v, schemaOf(decls[k]));
    if (!c.ok)
      throw new HarnessError(HarnessCodes.badMockOutput, `workflow parameter "${k}": ${JSON.stringify(v)} ${c.why}`);
    out[k] = encodeValue(c.value);
  }
  return out;
}

/**
 * Runs a workflow the way `wfc run` does — the compiled manifest, Argo's scheduling, retries,
 * `depends`, `when`, loops, exit handlers — with the test's mocks answering pods, node scripts
 * running in-process, and time on a virtual clock. Resolves when the workflow ends, whatever its
 * phase; rejects when it cannot start (a compile error, unmocked containers and no engine) or when
 * a mock was wrong (returned an undeclared output, threw).
 *
 * @example
 * ```ts
 * import { mock, runWorkflow } from "@wfc/runner/testing";
 * import etl, { extract, load, transform } from "./etl.js";
 *
 * const run = await runWorkflow(etl, {
 *   parameters: { date: "2026-03-01" },
 *   mocks: [mock(extract, { partitions: ["a", "b", "c"] }), mock(transform, ({ partition }) => ({ rows: partition.length })), mock(load, {})],
 * });
 * expect(run.phase).toBe("Succeeded");
 * expect(run.nodesOf(transform).map((t) => t.outputs.rows)).toEqual([1, 1, 1]);
 * ```
 */
export async function runWorkflow<P extends Decls>(
  workflow: WorkflowObject<P> | Workflow,
  options: RunWorkflowOptions<P> = {},
): Promise<WorkflowRun> {
  return runWorkflowWrapped(workflow, options);
}

/** {@link runWorkflow}, with `wrap` put in front of the harness's executor (the event harness's publishing pods). */
export async function runWorkflowWrapped<P extends Decls>(
  workflow: WorkflowObject<P> | Workflow,
  options: RunWorkflowOptions<P> = {},
  wrap?: (executor: Executor) => Executor,
  exempt: ReadonlySet<string> = new Set(),
): Promise<WorkflowRun> {
  const manifest = (isWorkflow(workflow) ? compile(workflow) : workflow) as Workflow;
  const mocks = options.mocks ?? [];
  const wfName = manifest.metadata?.name ?? manifest.metadata?.generateName ?? "workflow";
  if (!options.engine) {
    const needs = unmockedContainerTemplates(specOf(manifest), mocks, options.isolate === true).filter(
      (n) => !exempt.has(n),
    );
    if (needs.length) {
      const list = needs.map((n) => `"${n}"`).join(", ");
      throw new HarnessError(
        HarnessCodes.needsEngine,
        `workflow ${wfName}: template${needs.length > 1 ? "s" : ""} ${list} run${needs.length > 1 ? "" : "s"} containers and ${needs.length > 1 ? "are" : "is"} not mocked: mock ${needs.length > 1 ? "them" : "it"} (mock(template, ...)) or give runWorkflow an engine ({ engine: new ContainerExecutor({ engine: await detectEngine() }) })`,
      );
    }
  }
  const parameters = parameterStrings(workflow, options.parameters as Readonly<Record<string, unknown>> | undefined);
  const clock = options.clock ?? virtualClock();
  let n = 0;
  const sequence = { next: () => ++n };
  const seen = new Map<string, { start: number; end: number | undefined }>();
  const logs = new Map<string, string[]>();
  const record = (wf: Workflow) => {
    for (const node of Object.values(wf.status?.nodes ?? {})) {
      let s = seen.get(node.id);
      if (!s) seen.set(node.id, (s = { start: sequence.next(), end: undefined }));
      if (s.end === undefined && ["Succeeded", "Failed", "Error", "Skipped", "Omitted"].includes(node.phase ?? ""))
        s.end = sequence.next();
    }
  };
  const fallback = new RouterExecutor({
    isolate: options.isolate === true,
    ...(options.engine ? { containers: options.engine } : {}),
    noEngine: "no container engine: runWorkflow was given no engine",
    inProcess: new InProcessExecutor({
      ...(options.configMaps ? { configMaps: options.configMaps } : {}),
      ...(options.secrets ? { secrets: options.secrets } : {}),
    }),
  });
  const executor = new HarnessExecutor({ mocks, fallback, clock, sequence });
  const temp = options.runDir === undefined;
  const runDir = options.runDir ?? (await mkdtemp(join(tmpdir(), "wfc-test-")));
  const templates = (options.templates ?? []).map((t) => (isWorkflow(t) ? compile(t) : t));
  try {
    const result = await execute(manifest, {
      executor: wrap ? wrap(executor) : executor,
      clock,
      runDir,
      templates,
      name: options.name ?? manifest.metadata?.name ?? `${manifest.metadata?.generateName ?? "workflow-"}test`,
      onUpdate: record,
      onLog: (nodeName, line) => {
        const list = logs.get(nodeName);
        if (list) list.push(line);
        else logs.set(nodeName, [line]);
      },
      ...(parameters ? { parameters } : {}),
      ...(options.configMaps ? { configMaps: options.configMaps } : {}),
      ...(options.secrets ? { secrets: options.secrets } : {}),
      ...(options.onSuspend ? { onSuspend: options.onSuspend } : {}),
      ...(options.resources ? { resources: options.resources } : {}),
    });
    record(result.workflow);
    if (executor.problems.length) {
      const [first, ...rest] = executor.problems;
      if (!rest.length) throw first;
      throw new HarnessError(
        HarnessCodes.badMockOutput,
        `${executor.problems.length} mistakes in the mocks:\n${executor.problems.map((e) => `  ${e.message}`).join("\n")}`,
        { cause: first },
      );
    }
    return workflowRun({
      workflow: result.workflow,
      phase: result.phase,
      pods: executor.pods,
      seen,
      logs,
      runDir: temp && !options.keepRunDir ? undefined : runDir,
      ...(result.resources ? { resources: result.resources } : {}),
    });
  } finally {
    await executor.close();
    if (temp && !options.keepRunDir) await rm(runDir, { recursive: true, force: true });
  }
}
