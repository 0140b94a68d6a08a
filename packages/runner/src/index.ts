/**
 * # @wfc/runner
 *
 * Runs Argo Workflows on this machine, without Kubernetes, with Argo v4.1's semantics: DAG and
 * steps scheduling, parameters and every `{{...}}` variable, expressions, loops, retries, exit
 * handlers, artifacts. It executes manifests (any Argo YAML), through an {@link Executor}: a
 * container engine, an in-process sandbox for `nodeScript` templates, or a test's mocks.
 *
 * @packageDocumentation
 */

export type { Clock } from "./clock.js";
export { realClock } from "./clock.js";
export type { Executor, PodRequest, PodResult, StagedFile, CollectedPath, MountedVolume } from "./executor.js";
export type { ExecuteOptions, ExecuteResult } from "./run-options.js";
export * from "./exec/index.js";
