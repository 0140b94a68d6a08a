/**
 * What the local runner does with a trigger that fired: an `argoWorkflow` `submit` or a `k8s`
 * `create` of a Workflow runs that Workflow; `submit-from` a loaded CronWorkflow or
 * WorkflowTemplate runs a Workflow made from it, as `argo submit --from` does; a `log` trigger
 * prints the events. Anything else (other operations, `source.git`/`s3`/`url`/`configmap`,
 * HTTP, Kafka, Slack... triggers) is recorded as not performed, with the reason.
 */
import type { TriggerFiring } from "./sensor-runtime.js";

type Obj = {
  readonly kind?: string;
  readonly metadata?: Record<string, unknown>;
  readonly spec?: Record<string, unknown>;
};

/** The action for a firing. */
export type LocalAction =
  | { readonly kind: "run"; readonly workflow: Record<string, unknown> }
  | { readonly kind: "log" }
  | { readonly kind: "skip"; readonly reason: string }
  | { readonly kind: "failed"; readonly reason: string };

function workflowFrom(m: Obj): Record<string, unknown> {
  const name = String(m.metadata?.name ?? "workflow");
  const base = { apiVersion: "argoproj.io/v1alpha1", kind: "Workflow" };
  if (m.kind === "CronWorkflow")
    return { ...base, metadata: { generateName: `${name}-` }, spec: structuredClone(m.spec?.workflowSpec ?? {}) };
  const cluster = m.kind === "ClusterWorkflowTemplate";
  return {
    ...base,
    metadata: { generateName: `${name}-` },
    spec: { workflowTemplateRef: cluster ? { name, clusterScope: true } : { name } },
  };
}

/**
 * The action for `firing`, given the loaded Argo objects (for `submit-from`).
 *
 * @example
 * ```ts
 * localAction(firing, []); // { kind: "run", workflow: {...} } for an argoWorkflow submit
 * ```
 */
export function localAction(firing: TriggerFiring, loaded: readonly Obj[]): LocalAction {
  if (firing.error) return { kind: "failed", reason: firing.error };
  if (firing.type === "log") return { kind: "log" };
  if (firing.type !== "argoWorkflow" && firing.type !== "k8s")
    return { kind: "skip", reason: `a ${firing.type} trigger is not performed by the local runner` };
  const config = (firing.template[firing.type] ?? {}) as { source?: Record<string, unknown> };
  const other = Object.keys(config.source ?? {}).find((k) => k !== "resource");
  if (!firing.resource)
    return {
      kind: "skip",
      reason: other ? `source.${other} is not read by the local runner` : "the trigger has no source.resource",
    };
  const r = firing.resource as Obj;
  const op = firing.operation ?? "";
  if (firing.type === "k8s") {
    if (op !== "create") return { kind: "skip", reason: `k8s operation ${op} is not performed locally` };
    if (r.kind !== "Workflow")
      return {
        kind: "skip",
        reason: `k8s create of a ${r.kind ?? "resource"} (not a Workflow) is not performed locally`,
      };
    return { kind: "run", workflow: structuredClone(firing.resource) };
  }
  if (op === "submit") {
    if (r.kind !== "Workflow") return { kind: "skip", reason: `submit of a ${r.kind} (not a Workflow)` };
    return { kind: "run", workflow: structuredClone(firing.resource) };
  }
  if (op === "submit-from") {
    const name = r.metadata?.name;
    const found = loaded.find((m) => m.kind === r.kind && m.metadata?.name === name);
    if (!found)
      return { kind: "skip", reason: `submit-from ${r.kind}/${String(name)}: not loaded (give it with --templates)` };
    return { kind: "run", workflow: workflowFrom(found) };
  }
  return {
    kind: "skip",
    reason: `argoWorkflow operation ${op} acts on a workflow in a cluster; not performed locally`,
  };
}

/**
 * The arguments a workflow is submitted with, by parameter name (`spec.arguments.parameters`).
 *
 * @example
 * ```ts
 * workflowArguments({ spec: { arguments: { parameters: [{ name: "path", value: "a.csv" }] } } }); // { path: "a.csv" }
 * ```
 */
export function workflowArguments(workflow: Readonly<Record<string, unknown>>): Record<string, string> {
  const params = (
    (workflow.spec as Obj["spec"])?.arguments as { parameters?: { name: string; value?: unknown }[] } | undefined
  )?.parameters;
  const out: Record<string, string> = {};
  for (const p of params ?? []) if (p.value !== undefined) out[p.name] = String(p.value);
  return out;
}
