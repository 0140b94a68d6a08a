/**
 * # @wfc/sdk/internal
 *
 * Plumbing for wfc's sibling packages (`@wfc/import`, `@wfc/runner`, `@wfc/cli`): the Argo facts
 * and semantics written once in the SDK's core — the depends grammar, the dependency rules, name
 * rules, kinds, the task-reference grammar — the compiler's model entry, and the hook through
 * which the CLI gives `nodeScript` a cache of checked scripts. Not a stable API for
 * users: it changes with the packages that use it.
 *
 * @internal
 * @packageDocumentation
 */

export type { ScriptCache } from "./authoring/script-cache.js";
export { scriptKey, setScriptCache } from "./authoring/script-cache.js";
export { compileModel } from "./compiler/compile.js";
export type { DependencyPlan, DependencyRequest } from "./core/dependencies.js";
export { DependencyGraph } from "./core/dependencies.js";
export type { DependsAst, DependsNode, PrintDependsOptions, TaskStatus } from "./core/depends.js";
export { dependsTasks, isTaskStatus, parseDepends, printDepends, TASK_STATUSES } from "./core/depends.js";
export type { Diagnostic, SourceLocation } from "./core/errors.js";
export { AuthoringError, CompileError, formatDiagnostic, formatLocation, WfcError } from "./core/errors.js";
export type { ArgoKind, TemplateKind, WorkflowKind } from "./core/kinds.js";
export {
  ARGO_API_VERSION,
  ARGO_KINDS,
  isArgoKind,
  isWorkflowKind,
  mayHaveResult,
  RESULT_KINDS,
  WORKFLOW_KINDS,
  workflowTemplateRef,
} from "./core/kinds.js";
export type { TaskDepends, TaskModel, TemplateModel, WorkflowModel } from "./core/model.js";
export {
  checkGenerateName,
  checkObjectName,
  checkParamName,
  checkTemplateName,
  isDns1123Label,
  isDns1123Subdomain,
  toDnsName,
} from "./core/names.js";
export { setOwn } from "./core/own-key.js";
export { exprForm } from "./core/ref.js";
export type { TaskAttribute, TaskRef } from "./core/task-refs.js";
export { mayHoldTaskRefs, TASK_ATTRIBUTES, taskRefs } from "./core/task-refs.js";
export { semanticIssues } from "./validate/semantics.js";
export { yamlLibrary } from "./yaml/library.js";
