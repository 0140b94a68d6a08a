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
export type { DagTemplateOptions, OutputValues } from "./authoring/body.js";
export { chain, dag, forEach, forEachParam, forSequence, parallel, steps } from "./authoring/body.js";
export { allOf, anyOf, condition, eq, ge, gt, le, lt, matches, ne } from "./authoring/condition.js";
export type {
  Args,
  ArgsOf,
  Artifact,
  ArtifactDecl,
  ArtifactOptions,
  Decls,
  InputRefs,
  InputsOf,
  OutputRefs,
  OutputsOf,
  ParamDecl,
  ParamOptions,
  RefsOf,
  Simplify,
  Value,
  ValueOfDecl,
} from "./authoring/decl.js";

// Declarations
export { artifact, outputFromPath, param } from "./authoring/decl.js";
export type { Depends, DependsLike } from "./authoring/depends.js";
// Dependencies and conditions
export { and, not, or } from "./authoring/depends.js";
export type { WorkflowEventBindingObject, WorkflowEventBindingOptions } from "./authoring/event-binding.js";
export { workflowEventBinding } from "./authoring/event-binding.js";
export type { Expr } from "./authoring/expr.js";
// Expressions ({{= }}) and Argo's global variables
export { expr, exprDq, ifThenElse, isExpr, jsonpath, vars } from "./authoring/expr.js";
export type { FieldsOf, Refable, ScriptSpec, SpecOf, TemplateFields, TemplateOptions } from "./authoring/factories.js";
// Templates
export { container, containerSet, data, http, plugin, resource, script, suspend } from "./authoring/factories.js";
export type { FunctionScriptOptions, ScriptInputs } from "./authoring/node-script.js";
export { nodeScript } from "./authoring/node-script.js";
export { applyParameterOverrides, ParameterError, type ParameterizedManifest } from "./authoring/overrides.js";
export type { TemplateSource } from "./authoring/refs.js";
export { inline, templateRef } from "./authoring/refs.js";
export { isTask } from "./authoring/task-handle.js";
export { isTemplate } from "./authoring/template-model.js";
export type {
  AnyTemplate,
  Condition,
  LifecycleHook,
  Task,
  TaskExtra,
  TaskOptions,
  Template,
  TypeError,
} from "./authoring/types.js";
export type {
  CronFields,
  CronWorkflowOptions,
  WorkflowBody,
  WorkflowObject,
  WorkflowOptions,
  WorkflowSpecFields,
} from "./authoring/workflow.js";

// Workflows
export {
  clusterWorkflowTemplate,
  cronWorkflow,
  definitionOrder,
  isWorkflow,
  workflow,
  workflowTemplate,
} from "./authoring/workflow.js";
// Compiler
export type { CompileOptions } from "./compile.js";
export { compile, compileAll } from "./compile.js";
export type { Lowering, VersionDifference } from "./compiler/argo-versions.js";
// Targeting older Argo versions
export { ARGO_VERSION_DIFFERENCES } from "./compiler/argo-versions.js";
export { toJson, toYaml, toYamlBytes } from "./compiler/emit.js";
export type { Manifestable } from "./compiler/manifestable.js";
export { isManifestable, MANIFESTS } from "./compiler/manifestable.js";
export type { LoweredManifest } from "./compiler/target-version.js";
export { E_ARGO_VERSION, firstVersionWith, lowerToArgoVersion } from "./compiler/target-version.js";
export type { ArgoVersion } from "./core/argo-version.js";
export {
  ARGO_VERSIONS,
  DEFAULT_ARGO_VERSION,
  isArgoVersion,
  parseArgoVersion,
  UnknownArgoVersionError,
} from "./core/argo-version.js";
export type { Diagnostic, SourceLocation } from "./core/errors.js";
// Errors
export { AuthoringError, CompileError, formatDiagnostic, formatLocation, WfcError } from "./core/errors.js";
export type {
  KubernetesObject,
  Manifest,
  ManifestByKind,
  ManifestOf,
  WorkflowManifest,
} from "./core/manifest.js";
export { isKubernetesObject, isWorkflowManifest } from "./core/manifest.js";
export { checkObjectName, checkTemplateName, toDnsName } from "./core/names.js";
export type { ArtifactRef, Item, Ref } from "./core/ref.js";
// References
export { exprToken, isRef } from "./core/ref.js";
export type { ValidateOptions, ValidationIssue } from "./validate/index.js";
// Validation against Argo's CRD schemas, and Kubernetes-compatible YAML reading
export {
  ManifestValidationError,
  manifestIssues,
  semanticIssues,
  validateManifest,
  validateManifests,
} from "./validate/index.js";
export type { K8sDiff } from "./yaml/index.js";
export {
  emitYaml,
  k8sEqual,
  parseK8sYaml,
  stringifyJson,
  YAML_LIMITS,
  YamlError,
  type YamlLimits,
} from "./yaml/index.js";
