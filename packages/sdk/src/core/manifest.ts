/**
 * The manifest types every layer passes around: the generated Argo kinds the compiler makes, and
 * the base shape of any Kubernetes object (for code that handles objects of every kind: YAML,
 * validation, `wfc build`'s output).
 */
import type {
  ClusterWorkflowTemplate,
  CronWorkflow,
  ObjectMeta,
  Workflow,
  WorkflowEventBinding,
  WorkflowTemplate,
} from "../argo/types.gen.js";
import { ARGO_API_VERSION, isWorkflowKind, type WorkflowKind } from "./kinds.js";

/**
 * What every Kubernetes object has: the base type of code that handles objects of any kind
 * (Argo Events objects, ConfigMaps, what a YAML file holds). The generated Argo and Argo Events
 * types are all assignable to it.
 *
 * @example
 * ```ts
 * const objects: KubernetesObject[] = [compile(wf), { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "x" } }];
 * ```
 */
export interface KubernetesObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
}

/**
 * The manifest of each workflow kind, by kind.
 *
 * @example
 * ```ts
 * const m: ManifestOf<"CronWorkflow"> = compile(nightly); // m.spec.workflowSpec
 * ```
 */
export interface ManifestByKind {
  Workflow: Workflow;
  WorkflowTemplate: WorkflowTemplate;
  ClusterWorkflowTemplate: ClusterWorkflowTemplate;
  CronWorkflow: CronWorkflow;
}

/**
 * The manifest of the workflow kind `K` (a union when `K` is).
 *
 * @example
 * ```ts
 * const m: ManifestOf<"Workflow"> = compile(workflow({ name: "w" }, () => { hello({ msg: "hi" }); }));
 * ```
 */
export type ManifestOf<K extends WorkflowKind> = ManifestByKind[K];

/**
 * What `compile()` makes: one of the workflow kinds (narrow on `kind`).
 *
 * @example
 * ```ts
 * const m = compile(wf); if (m.kind === "CronWorkflow") console.log(m.spec.schedules);
 * ```
 */
export type WorkflowManifest = ManifestOf<WorkflowKind>;

/**
 * An Argo Workflows manifest: a workflow kind or a WorkflowEventBinding, typed by the generated
 * Argo types (narrow on `kind`).
 *
 * @example
 * ```ts
 * const m: Manifest = compile(wf); console.log(m.kind, m.metadata.name);
 * ```
 */
export type Manifest = WorkflowManifest | WorkflowEventBinding;

/**
 * True when `value` looks like a Kubernetes object (`apiVersion` and `kind` strings, a
 * `metadata` object): the check for what a YAML file or a module holds.
 *
 * @example
 * ```ts
 * const objects = parseK8sYaml(text).filter(isKubernetesObject);
 * ```
 */
export function isKubernetesObject(value: unknown): value is KubernetesObject {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const v = value as { apiVersion?: unknown; kind?: unknown; metadata?: unknown };
  return (
    typeof v.apiVersion === "string" &&
    typeof v.kind === "string" &&
    typeof v.metadata === "object" &&
    v.metadata !== null &&
    !Array.isArray(v.metadata)
  );
}

/**
 * True when `object` is an Argo workflow object (Workflow, WorkflowTemplate,
 * ClusterWorkflowTemplate, CronWorkflow) with a `spec`: the narrowing for code that reads workflow
 * fields of objects of any origin (a YAML file). It checks the kind, not every field; the CRD
 * validator (`validateManifest`) does that.
 *
 * @example
 * ```ts
 * for (const m of parseK8sYaml(text).filter(isKubernetesObject)) if (isWorkflowManifest(m)) console.log(m.kind);
 * ```
 */
export function isWorkflowManifest(object: KubernetesObject): object is WorkflowManifest {
  const spec = (object as { spec?: unknown }).spec;
  return (
    object.apiVersion === ARGO_API_VERSION &&
    isWorkflowKind(object.kind) &&
    typeof spec === "object" &&
    spec !== null &&
    !Array.isArray(spec)
  );
}
