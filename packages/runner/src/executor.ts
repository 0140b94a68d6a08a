import type { Template } from "@wfc/sdk/argo";

/**
 * The contract between the runner's scheduler (which decides *what* runs, in Argo's order, with
 * Argo's substitutions) and an executor (which runs one pod: a container engine, an in-process
 * Node.js sandbox for `nodeScript` templates, or a test's mocks).
 *
 * The scheduler hands an executor one {@link PodRequest} per pod Argo would create (one attempt of
 * a `container`, `script` or `containerSet` template node; `http` templates too, so a test can mock
 * them). Every `{{...}}` in the template has already been substituted; the executor never
 * evaluates Argo expressions. (`data` templates are the exception, changed by the scheduler: they
 * only read the artifact repository, which the scheduler owns, so it runs them itself.)
 */

/**
 * A file the executor places in the pod before the main container starts.
 *
 * @example
 * ```ts
 * const script: StagedFile = { containerPath: "/argo/staging/script", content: "echo hi", mode: 0o755 };
 * ```
 */
export interface StagedFile {
  /** Absolute path inside the container, e.g. `/argo/staging/script` or an input artifact's `path`. */
  readonly containerPath: string;
  /** Host path of the file or directory to copy in (input artifacts), or... */
  readonly hostPath?: string;
  /** ...the file's content (script sources, raw artifacts). */
  readonly content?: string;
  /** File mode. @default 0o644 (0o755 for scripts) */
  readonly mode?: number;
}

/**
 * A path the executor copies out of the main container after it exits.
 *
 * @example
 * ```ts
 * const out: CollectedPath = { containerPath: "/tmp/out.txt", hostPath: "/run/pods/p/outputs/parameters/out", optional: false };
 * ```
 */
export interface CollectedPath {
  /** Absolute path inside the container (an output parameter's `valueFrom.path`, an output artifact's `path`). */
  readonly containerPath: string;
  /** Where to put it on the host. The scheduler reads it from there. */
  readonly hostPath: string;
  /** Whether a missing path is an error of the pod (outputs without `optional`/default). */
  readonly optional: boolean;
}

/**
 * A host directory mounted into the pod's containers (emptyDir, volumeClaimTemplates, configMap/secret from local files).
 *
 * @example
 * ```ts
 * const v: MountedVolume = { name: "work", hostPath: ".wfc/runs/wf/volumes/pvc/work" };
 * ```
 */
export interface MountedVolume {
  readonly name: string;
  readonly hostPath: string;
  readonly readOnly?: boolean;
}

/**
 * One pod to run.
 *
 * @example
 * ```ts
 * const executor: Executor = { run: async (req: PodRequest) => ({ exitCode: 0, stdout: req.template.container?.args?.join(" ") ?? "" }) };
 * ```
 */
export interface PodRequest {
  /** The node's id in `status.nodes` (Argo's `wf.NodeID(nodeName)` form). */
  readonly nodeId: string;
  /** The node's full name, e.g. `hello-abcde.step[0].print(0:a)`. */
  readonly nodeName: string;
  /** The pod's name as Argo names it (`<workflow>-<template>-<hash>`); the container's name too. */
  readonly podName: string;
  /** The workflow's name. */
  readonly workflowName: string;
  /**
   * The template, substituted. For a `script` template the scheduler has already turned `source`
   * into a staged file and appended its path to `args`, as Argo's executor does; `script.source`
   * is kept for in-process executors.
   */
  readonly template: Template;
  /** The name the template has in the manifest (mocks match on it). */
  readonly templateName: string;
  /** The task or step name that called it (mocks may match on it), if any. */
  readonly taskName?: string;
  /** 0 for the first attempt, 1 for the first retry, ... (`{{retries}}`). */
  readonly retry: number;
  /** Files to place before start. */
  readonly stage: readonly StagedFile[];
  /** Paths to copy out after the main container exits (successfully or not). */
  readonly collect: readonly CollectedPath[];
  /** Volumes by name, for the template's `volumeMounts`. */
  readonly volumes: readonly MountedVolume[];
  /** A scratch directory on the host owned by this attempt. */
  readonly workdir: string;
  /** Aborted when the node is stopped (deadline, timeout, failFast, Ctrl-C): stop and clean up. */
  readonly signal: AbortSignal;
  /** Log lines as they come, for `--logs` and the run directory. */
  readonly onLog: (line: string, stream: "stdout" | "stderr", container: string) => void;
}

/**
 * How a pod ended.
 *
 * @example
 * ```ts
 * const failed: PodResult = { exitCode: 1, stdout: "" }; // message: "main: Error (exit code 1)"
 * ```
 */
export interface PodResult {
  /** The main container's exit code (`{{outputs.exitCode}}`, `lastRetry.exitCode`). */
  readonly exitCode: number;
  /** The main container's whole stdout; the scheduler caps it as Argo does for `outputs.result`. */
  readonly stdout: string;
  /**
   * `Failed` (the container ran and exited non-zero, or an output was missing) or `Error`
   * (it could not run: image pull, engine failure). Omitted: derived from `exitCode`.
   */
  readonly phase?: "Succeeded" | "Failed" | "Error";
  /** The node's message, e.g. `pull access denied for foo`. Omitted on a non-zero exit: `main: Error (exit code 1)`. */
  readonly message?: string;
  /** Output parameters an in-process executor or a mock sets directly, by name (instead of collected files). */
  readonly parameters?: Readonly<Record<string, string>>;
  /**
   * For a `containerSet`: how each container ended, by name (its `Container` node's phase and
   * message). Omitted: every container takes the pod's phase.
   */
  readonly containers?: Readonly<
    Record<
      string,
      { readonly exitCode: number; readonly phase?: "Succeeded" | "Failed" | "Error"; readonly message?: string }
    >
  >;
  /**
   * The pod's IP (`{{tasks.X.ip}}`, `{{steps.X.ip}}`, `status.nodes[].podIP`), e.g. the container's
   * address on the engine's network. @default "127.0.0.1" (in-process pods, mocks)
   */
  readonly ip?: string;
  /** Whether a daemoned container is still running (`daemon: true`): the scheduler stops it via `signal` later. */
  readonly daemoned?: boolean;
}

/**
 * Runs pods.
 *
 * @example
 * ```ts
 * const echo: Executor = { run: async (req) => ({ exitCode: 0, stdout: (req.template.container?.args ?? []).join(" ") }) };
 * ```
 */
export interface Executor {
  /** Runs one pod attempt to completion (or until `signal` aborts) and reports how it ended. */
  run(request: PodRequest): Promise<PodResult>;
  /** Stops everything still running and removes what the executor created. Idempotent. */
  close?(): Promise<void>;
}
