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
export { execute } from "./execute.js";
export { virtualClock } from "./clock-virtual.js";
export type { VirtualClock } from "./clock-virtual.js";
export { scriptedExecutor } from "./scripted-executor.js";
export type { ScriptedExecutor, ScriptedExecutorOptions, ScriptedPod } from "./scripted-executor.js";
export { RunnerError, RunnerCodes } from "./errors.js";
export type { RunnerProblem } from "./errors.js";
export { evaluate, evaluateRaw, evaluateBool, evaluateWhen, parseExpr, formatValue, exprIdentifiers, argoEnv, expandScope, ExprError, ExprCodes } from "./expr/index.js";
export type { ExprPosition, ExprNode } from "./expr/index.js";
export { substitute, substituteObject, replaceJSON, placeholders, resolveVar, shouldExecute, hasVarInEnv, missingVarsInEnv, anyVarNotInEnv, SubstitutionError, SubstitutionCodes } from "./template/index.js";
export type { SubstituteOptions, ReplaceScope, Placeholder } from "./template/index.js";
