/**
 * Argo's object kinds and template kinds: the facts every layer (authoring, compiler, validator,
 * importer, linter, client) asks about, written once.
 *
 * @internal
 */

/** The kinds of Argo template (`external`: a template of another WorkflowTemplate, called through `templateRef`). */
export type TemplateKind =
  | "container"
  | "script"
  | "dag"
  | "steps"
  | "resource"
  | "suspend"
  | "http"
  | "data"
  | "containerSet"
  | "plugin"
  | "external";

/** The `apiVersion` of every Argo Workflows object. */
export const ARGO_API_VERSION = "argoproj.io/v1alpha1";

/** The kinds a wfc workflow object can have: the Argo kinds whose spec is (or holds) a WorkflowSpec. */
export const WORKFLOW_KINDS = ["Workflow", "WorkflowTemplate", "ClusterWorkflowTemplate", "CronWorkflow"] as const;

/** A kind whose spec is (or holds, for CronWorkflow) a WorkflowSpec. */
export type WorkflowKind = (typeof WORKFLOW_KINDS)[number];

/** Every Argo Workflows kind wfc validates and builds (the workflow kinds and WorkflowEventBinding). */
export const ARGO_KINDS = [...WORKFLOW_KINDS, "WorkflowEventBinding"] as const;

/** An Argo Workflows kind. */
export type ArgoKind = (typeof ARGO_KINDS)[number];

/** True when `kind` is one of {@link ARGO_KINDS}. */
export function isArgoKind(kind: unknown): kind is ArgoKind {
  return typeof kind === "string" && (ARGO_KINDS as readonly string[]).includes(kind);
}

/** True when `kind` is one of {@link WORKFLOW_KINDS}. */
export function isWorkflowKind(kind: unknown): kind is WorkflowKind {
  return typeof kind === "string" && (WORKFLOW_KINDS as readonly string[]).includes(kind);
}

/**
 * The `workflowTemplateRef` (or `templateRef` source) naming a WorkflowTemplate or
 * ClusterWorkflowTemplate; undefined for other kinds.
 */
export function workflowTemplateRef(kind: string, name: string): { name: string; clusterScope?: true } | undefined {
  if (kind === "ClusterWorkflowTemplate") return { name, clusterScope: true };
  if (kind === "WorkflowTemplate") return { name };
  return undefined;
}

/**
 * The template kinds that produce `outputs.result` (and `exitCode`): Argo's `Template.HasOutput()`
 * (pkg/apis/workflow/v1alpha1/workflow_types.go) — container, containerSet (with a `main`
 * container), script, data, http and plugin. DAG, steps, resource and suspend templates have none.
 */
export const RESULT_KINDS: ReadonlySet<TemplateKind> = new Set<TemplateKind>([
  "container",
  "script",
  "http",
  "data",
  "plugin",
  "containerSet",
]);

/**
 * Whether a task of a template of this kind may be asked for `outputs.result`: a kind of
 * {@link RESULT_KINDS}, or `external` (a template of another WorkflowTemplate, whose kind is not known here).
 */
export function mayHaveResult(kind: TemplateKind): boolean {
  return kind === "external" || RESULT_KINDS.has(kind);
}
