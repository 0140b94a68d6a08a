import type { Event, ObjectMeta, Submit, WorkflowEventBinding, WorkflowEventBindingSpec } from "../argo/types.gen.js";
import { BRAND } from "../core/brand.js";
import { ARGO_API_VERSION, workflowTemplateRef } from "../core/kinds.js";
import type { Expr } from "./expr.js";
import { deepLower } from "./lower.js";
import { isWorkflow, markDefined, type WorkflowObject, workflowModel } from "./workflow.js";

/**
 * Options of a WorkflowEventBinding: which events (an expr-lang `selector` over the event) submit
 * which WorkflowTemplate, with arguments taken from the event (`valueFrom.event`).
 *
 * @example
 * ```ts
 * const opts: WorkflowEventBindingOptions = { name: "on-push", selector: 'payload.ref == "main"', template: ciTemplate };
 * ```
 */
export interface WorkflowEventBindingOptions {
  readonly name: string;
  readonly namespace?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
  /** The event selector (expr-lang over `payload`, `metadata`, `discriminator`). */
  readonly selector: string | Expr;
  /** The WorkflowTemplate to submit: the template object, or `{ name }` for one in the cluster. */
  readonly template?: WorkflowObject | { readonly name: string; readonly clusterScope?: boolean };
  /** Parameters of the submitted workflow, each from an expression over the event. */
  readonly parameters?: Readonly<Record<string, { readonly event: string | Expr } | { readonly value: string }>>;
  /** Other `metadata` fields. */
  readonly metadata?: ObjectMeta;
  /** Other `spec.submit` fields. */
  readonly submit?: Partial<Omit<Submit, "workflowTemplateRef" | "arguments">>;
  /** Other `spec.event` fields. */
  readonly event?: Partial<Omit<Event, "selector">>;
}

/**
 * A WorkflowEventBinding object: export it from a module and `wfc build` emits it with the workflows.
 *
 * @example
 * ```ts
 * export const binding = workflowEventBinding({ name: "on-push", selector: 'discriminator == "ci"', template: ci, parameters: { sha: { event: "payload.after" } } });
 * ```
 */
export interface WorkflowEventBindingObject {
  readonly kind: "WorkflowEventBinding";
  readonly name: string;
  readonly [BRAND.manifests]: () => readonly WorkflowEventBinding[];
}

/**
 * A WorkflowEventBinding: submits a WorkflowTemplate when an event sent to Argo's events API
 * matches the selector.
 *
 * @example
 * ```ts
 * export const binding = workflowEventBinding({
 *   name: "event-consumer",
 *   selector: 'payload.appellation != ""',
 *   template: { name: "event-consumer" },
 *   parameters: { appellation: { event: "payload.appellation" } },
 * });
 * ```
 */
export function workflowEventBinding(options: WorkflowEventBindingOptions): WorkflowEventBindingObject {
  const metadata: ObjectMeta = { name: options.name };
  if (options.namespace) metadata.namespace = options.namespace;
  if (options.labels) metadata.labels = { ...options.labels };
  if (options.annotations) metadata.annotations = { ...options.annotations };
  if (options.metadata) Object.assign(metadata, options.metadata);
  const spec: WorkflowEventBindingSpec = {
    event: { ...(options.event ?? {}), selector: String(deepLower(options.selector)) },
  };
  if (options.template || options.parameters || options.submit) {
    const t = options.template;
    let ref: Submit["workflowTemplateRef"] = {};
    if (t && isWorkflow(t)) {
      const m = workflowModel(t);
      const name = String(m.metadata.name);
      ref = workflowTemplateRef(m.kind, name) ?? { name };
    } else if (t) ref = { ...t };
    const args: Submit["arguments"] | undefined = options.parameters && {
      parameters: Object.entries(options.parameters).map(([name, p]) =>
        "event" in p ? { name, valueFrom: { event: String(deepLower(p.event)) } } : { name, value: p.value },
      ),
    };
    // Key order as Argo's examples write it: the other submit fields, the template, its arguments.
    spec.submit = { ...(options.submit ?? {}), workflowTemplateRef: ref, ...(args ? { arguments: args } : {}) };
  }
  const manifest: WorkflowEventBinding = { apiVersion: ARGO_API_VERSION, kind: "WorkflowEventBinding", metadata, spec };
  const obj: WorkflowEventBindingObject = Object.freeze({
    kind: "WorkflowEventBinding" as const,
    name: options.name,
    [BRAND.manifests]: () => [structuredClone(manifest)],
  });
  markDefined(obj);
  return obj;
}
