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
export type { VirtualClock } from "./clock-virtual.js";
export { virtualClock } from "./clock-virtual.js";
export type { RunnerProblem } from "./errors.js";
export { RunnerCodes, RunnerError } from "./errors.js";
export * from "./events/index.js";
export * from "./exec/index.js";
export { execute } from "./execute.js";
export type { CollectedPath, Executor, MountedVolume, PodRequest, PodResult, StagedFile } from "./executor.js";
export type { ExprNode, ExprPosition } from "./expr/index.js";
export {
  argoEnv,
  ExprCodes,
  ExprError,
  evaluate,
  evaluateBool,
  evaluateRaw,
  evaluateWhen,
  expandScope,
  exprIdentifiers,
  formatValue,
  parseExpr,
} from "./expr/index.js";
export type { ExecuteOptions, ExecuteResult } from "./run-options.js";
export type { ScriptedExecutor, ScriptedExecutorOptions, ScriptedPod } from "./scripted-executor.js";
export { scriptedExecutor } from "./scripted-executor.js";
export type { Placeholder, ReplaceScope, SubstituteOptions } from "./template/index.js";
export {
  anyVarNotInEnv,
  hasVarInEnv,
  missingVarsInEnv,
  placeholders,
  replaceJSON,
  resolveVar,
  SubstitutionCodes,
  SubstitutionError,
  shouldExecute,
  substitute,
  substituteObject,
} from "./template/index.js";
