/**
 * # @wfc/sdk/internal
 *
 * Plumbing for wfc's sibling packages (`@wfc/import`, `@wfc/runner`, `@wfc/cli`): the Argo facts
 * and semantics written once in the SDK's core — the depends grammar, the dependency rules, name
 * rules, kinds, the task-reference grammar — and the compiler's model entry. Not a stable API for
 * users: it changes with the packages that use it.
 *
 * @internal
 * @packageDocumentation
 */
export { WfcError, CompileError, AuthoringError, formatDiagnostic, formatLocation } from "./core/errors.js";
export type { Diagnostic, SourceLocation } from "./core/errors.js";
export { parseDepends, printDepends, dependsTasks, isTaskStatus, TASK_STATUSES } from "./core/depends.js";
export type { DependsAst, DependsNode, TaskStatus, PrintDependsOptions } from "./core/depends.js";
export { DependencyGraph } from "./core/dependencies.js";
export type { DependencyRequest, DependencyPlan } from "./core/dependencies.js";
export { ARGO_API_VERSION, ARGO_KINDS, WORKFLOW_KINDS, RESULT_KINDS, isArgoKind, isWorkflowKind, mayHaveResult, workflowTemplateRef } from "./core/kinds.js";
export type { ArgoKind, WorkflowKind, TemplateKind } from "./core/kinds.js";
export { TASK_ATTRIBUTES, taskRefs, mayHoldTaskRefs } from "./core/task-refs.js";
export type { TaskAttribute, TaskRef } from "./core/task-refs.js";
export { checkObjectName, checkGenerateName, checkTemplateName, checkParamName, isDns1123Label, isDns1123Subdomain, toDnsName } from "./core/names.js";
export { compileModel } from "./compiler/compile.js";
export type { WorkflowModel, TemplateModel, TaskModel, TaskDepends } from "./core/model.js";
export { semanticIssues } from "./validate/semantics.js";
export { exprForm } from "./core/ref.js";
