import type { Workflow } from "@wfc/sdk/argo";
import type { Clock } from "./clock.js";
import type { Executor } from "./executor.js";

/**
 * Options of {@link execute}: what the workflow runs with on this machine.
 *
 * Fields may be added; changing the meaning of one is a change of contract between the
 * scheduler, the executors, the CLI (`wfc run`) and the testing harness.
 *
 * @example
 * ```ts
 * const options: ExecuteOptions = { executor: scriptedExecutor(), parameters: { message: "hi" }, clock: virtualClock() };
 * ```
 */
export interface ExecuteOptions {
  /** Runs the pods. */
  readonly executor: Executor;
  /** Values for `spec.arguments.parameters` (`-p name=value`), checked against the declared ones (and their `enum`). */
  readonly parameters?: Readonly<Record<string, string>>;
  /** WorkflowTemplates and ClusterWorkflowTemplates that `templateRef` / `workflowTemplateRef` may name. */
  readonly templates?: readonly unknown[];
  /** Where time comes from. @default the machine's clock */
  readonly clock?: Clock;
  /** The run's directory (status, logs, artifacts). @default `.wfc/runs/<workflow name>` */
  readonly runDir?: string;
  /** Local directory standing in for every s3/gcs/azure/... artifact repository. @default `<runDir>/artifacts` */
  readonly artifactRepo?: string;
  /** Check the manifest (and `templates`) against Argo's CRD schemas first, as `wfc lint` does. @default true */
  readonly validate?: boolean;
  /** Where `memoize` caches outputs (one directory per cache ConfigMap name). @default `.wfc/cache`, or `<runDir>/cache` when `runDir` is given */
  readonly cacheDir?: string;
  /** ConfigMaps and Secrets by name: key -> value (from local files given on the command line). */
  readonly configMaps?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly secrets?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Called with a snapshot of the Workflow (status included) whenever a node changes. */
  readonly onUpdate?: (workflow: Workflow) => void;
  /**
   * Called when a node suspends without a duration; resolves when it should resume (or rejects to
   * stop the workflow). @default fail the node with a message saying it needs `--resume`.
   */
  readonly onSuspend?: (nodeName: string, signal: AbortSignal) => Promise<void>;
  /**
   * Called with every log line of every pod (also written to `<runDir>/logs/<pod>.log`), for
   * `--logs`. (Added by the scheduler; the executor reports lines through `PodRequest.onLog`.)
   */
  readonly onLog?: (nodeName: string, line: string, stream: "stdout" | "stderr", container: string) => void;
  /** Stops the run: every node is stopped, the executor closed, the workflow ends Failed. */
  readonly signal?: AbortSignal;
  /**
   * Where `resource` templates act: `"memory"`, a per-run in-memory object store holding the
   * run's Workflow and pods (kept in `<runDir>/resources.json` at the end). Omitted: a resource
   * template is refused before the run starts, naming `--resources memory`. @default undefined
   */
  readonly resources?: "memory";
  /** The workflow's name when the manifest has only `generateName`. @default generateName + 5 random characters */
  readonly name?: string;
}

/**
 * How a run ended.
 *
 * @example
 * ```ts
 * const { phase, workflow, runDir }: ExecuteResult = await execute(wf, { executor });
 * ```
 */
export interface ExecuteResult {
  /** The final Workflow object, with `status` in Argo's shape. */
  readonly workflow: Workflow;
  /** `status.phase`: Succeeded, Failed or Error. */
  readonly phase: "Succeeded" | "Failed" | "Error";
  /** The run's directory. */
  readonly runDir: string;
  /** With `resources: "memory"`: the store's objects at the end (also in `<runDir>/resources.json`). */
  readonly resources?: readonly Record<string, unknown>[];
}
