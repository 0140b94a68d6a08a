/**
 * # @wfc/sdk
 *
 * Write Argo Workflows in typed TypeScript. Templates are values made by factories
 * ({@link container}, {@link script}, {@link nodeScript}, {@link dag}, {@link steps}, ...) with
 * zod schemas for their inputs and outputs. Calling a template inside a workflow or DAG body
 * creates a task and returns typed references ({@link Ref}) to its outputs; passing a reference
 * to another task, or interpolating it into a string, makes the dependency. The body runs once,
 * at build time; {@link compile} lowers the recorded model to Argo manifests and {@link toYaml}
 * prints them.
 *
 * @example
 * ```ts
 * import { nodeScript, workflow, compile, toYaml, z } from "@wfc/sdk";
 *
 * const randomNumber = nodeScript({ result: z.number(), run: function randomNumber() { return Math.floor(Math.random() * 100); } });
 * const plusOne = nodeScript({ inputs: { x: z.number() }, result: z.number(), run: function plusOne({ x }) { return x + 1; } });
 *
 * export default workflow({ generateName: "quickstart-" }, () => {
 *   const n = randomNumber();
 *   plusOne({ x: n.result });
 * });
 * ```
 *
 * @packageDocumentation
 */

export { z } from "zod";

// Errors
export { WfcError, CompileError, AuthoringError, formatDiagnostic, formatLocation } from "./core/errors.js";
export type { Diagnostic, SourceLocation } from "./core/errors.js";

// References
export { isRef, exprToken } from "./core/ref.js";
export type { Ref, ArtifactRef, Item } from "./core/ref.js";

// Declarations
export { param, artifact, outputFromPath } from "./authoring/decl.js";
export type { ParamDecl, ParamOptions, ArtifactDecl, ArtifactOptions, Decls, Args, OutputRefs, InputRefs, Value } from "./authoring/decl.js";

// Templates
export { container, script, resource, suspend, http, data, containerSet, plugin } from "./authoring/factories.js";
export type { TemplateOptions, TemplateFields, FieldsOf, Refable, SpecOf, ScriptSpec } from "./authoring/factories.js";
export { nodeScript } from "./authoring/node-script.js";
export type { FunctionScriptOptions, ScriptInputs } from "./authoring/node-script.js";
export { dag, steps, forEach, forEachParam, forSequence, parallel, chain } from "./authoring/body.js";
export type { DagTemplateOptions, OutputValues } from "./authoring/body.js";
export { isTemplate } from "./authoring/template-model.js";
export { isTask } from "./authoring/task-handle.js";
export { templateRef, inline } from "./authoring/refs.js";
export type { TemplateSource } from "./authoring/refs.js";
export type { Template, AnyTemplate, Task, TaskOptions, Condition, TaskExtra, LifecycleHook, TypeError } from "./authoring/types.js";

// Expressions ({{= }}) and Argo's global variables
export { expr, exprDq, jsonpath, ifThenElse, isExpr, vars } from "./authoring/expr.js";
export type { Expr } from "./authoring/expr.js";

// Dependencies and conditions
export { and, or, not } from "./authoring/depends.js";
export type { Depends, DependsLike } from "./authoring/depends.js";
export { eq, ne, gt, ge, lt, le, matches, allOf, anyOf, condition } from "./authoring/condition.js";

// Workflows
export { workflow, workflowTemplate, clusterWorkflowTemplate, cronWorkflow, isWorkflow, definitionOrder } from "./authoring/workflow.js";
export type { WorkflowObject, WorkflowOptions, CronWorkflowOptions, WorkflowBody, WorkflowSpecFields, CronFields } from "./authoring/workflow.js";
export { applyParameterOverrides, ParameterError } from "./authoring/overrides.js";
export { workflowEventBinding } from "./authoring/event-binding.js";
export type { WorkflowEventBindingOptions, WorkflowEventBindingObject } from "./authoring/event-binding.js";

// Compiler
export { compile, compileAll } from "./compile.js";
export type { Manifest } from "./core/manifest.js";
export { toYaml, toYamlBytes, toJson } from "./compiler/emit.js";
export { toDnsName, checkObjectName, checkTemplateName } from "./core/names.js";
export { MANIFESTS, isManifestable } from "./compiler/manifestable.js";
export type { Manifestable } from "./compiler/manifestable.js";

// Validation against Argo's CRD schemas, and Kubernetes-compatible YAML reading
export { validateManifest, validateManifests, semanticIssues, ManifestValidationError } from "./validate/index.js";
export type { ValidationIssue } from "./validate/index.js";
export { parseK8sYaml, YamlError, k8sEqual, emitYaml } from "./yaml/index.js";
export type { K8sDiff } from "./yaml/index.js";
