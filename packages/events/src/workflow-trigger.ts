import { compile, isWorkflow, type ParamDecl, type WorkflowObject } from "@wfc/sdk";
import { ARGO_API_VERSION, workflowTemplateRef } from "@wfc/sdk/internal";
import type { input, output, ZodType } from "zod";
import { fail } from "./errors.js";
import type { ParamSource, Untyped } from "./param-source.js";
import { type TriggerObject, type TriggerOptions, trigger } from "./trigger.js";
import type { ArgoWorkflowTrigger, StandardK8STrigger, TriggerParameter } from "./types.gen.js";

/** The value type of a declared workflow parameter. */
type ParamType<D> = D extends ParamDecl<infer S> ? output<S> : D extends ZodType ? output<D> : never;

/**
 * Whether a workflow parameter must be given a value by a trigger: it has neither a fixed value
 * (`param(s, { value })`) nor a default (`.default(...)`, or a schema that accepts `undefined`).
 */
type IsRequired<D> =
  D extends ParamDecl<infer S, infer HasValue>
    ? [HasValue] extends [true]
      ? false
      : undefined extends input<S>
        ? false
        : true
    : D extends ZodType
      ? undefined extends input<D>
        ? false
        : true
      : false;

type ArgumentOf<D> = ParamSource<ParamType<D>> | ParamSource<Untyped>;

/**
 * The event values a trigger passes to a workflow's declared parameters, by parameter name: a misspelt name
 * or a value of the wrong type is a compile error, and so is leaving out a parameter that has no value or
 * default (Argo would reject the workflow). Values read from an event whose payload type is not declared
 * ({@link Untyped}) fit any parameter.
 *
 * @example
 * ```ts
 * const args: WorkflowArguments<typeof greet> = { who: deps.push.data("body.pusher.name") };
 * ```
 */
export type WorkflowArguments<W> =
  W extends WorkflowObject<infer P>
    ? { readonly [K in keyof P as IsRequired<P[K]> extends true ? K : never]: ArgumentOf<P[K]> } & {
        readonly [K in keyof P as IsRequired<P[K]> extends true ? never : K]?: ArgumentOf<P[K]>;
      }
    : never;

/**
 * An `argoWorkflow` or `k8s` trigger's configuration given a wfc workflow object: the trigger's
 * `source.resource` is made from the workflow, and `parameters` from `arguments`.
 *
 * @example
 * ```ts
 * const c: WorkflowTriggerConfig<typeof greet> = { workflow: greet, arguments: { who: deps.push.data("body.name") } };
 * ```
 */
export type WorkflowTriggerConfig<W extends WorkflowObject> = {
  /** The workflow to run: a Workflow (embedded as `source.resource`) or a (Cluster)WorkflowTemplate (run through `workflowTemplateRef`). */
  readonly workflow: W;
  /** Further parameters, after the generated ones. */
  readonly parameters?: TriggerParameter[];
} & ({} extends WorkflowArguments<W>
  ? {
      /** Event values for the workflow's declared parameters. */
      readonly arguments?: WorkflowArguments<W>;
    }
  : {
      /** Event values for the workflow's declared parameters: required, as some have no value or default. */
      readonly arguments: WorkflowArguments<W>;
    });

/**
 * An Argo object that lives only in the cluster, not in this program, by kind and name: what an `argoWorkflow`
 * trigger with operation `submit-from` (a CronWorkflow or WorkflowTemplate), `resubmit`, `resume`, `retry`,
 * `suspend` or `terminate` (a Workflow) acts on. The trigger's `source.resource` names it.
 *
 * @example
 * ```ts
 * argoWorkflowTrigger("nightly-now", { operation: "submit-from", workflow: { kind: "CronWorkflow", name: "nightly" } })
 * ```
 */
export interface ExistingWorkflow {
  readonly kind: "Workflow" | "CronWorkflow" | "WorkflowTemplate" | "ClusterWorkflowTemplate";
  readonly name: string;
}

/** An `argoWorkflow` trigger's configuration given an {@link ExistingWorkflow}. */
interface ExistingWorkflowConfig extends Omit<ArgoWorkflowTrigger, "source" | "parameters"> {
  /** The object the operation acts on. */
  readonly workflow: ExistingWorkflow;
  /** Trigger parameters, as they are. */
  readonly parameters?: TriggerParameter[];
}

type ArgoWorkflowConfig<W extends WorkflowObject> = WorkflowTriggerConfig<W> &
  Omit<ArgoWorkflowTrigger, "source" | "parameters">;
type K8sConfig<W extends WorkflowObject> = WorkflowTriggerConfig<W> & Omit<StandardK8STrigger, "source" | "parameters">;

/** The resource and generated parameters of a trigger of workflow `wf`. */
function workflowResource(
  wf: WorkflowObject,
  args: Record<string, ParamSource<unknown> | undefined> = {},
): { resource: Record<string, unknown>; parameters: TriggerParameter[] } {
  const declared = Object.keys(wf.parameters);
  for (const k of Object.keys(args)) {
    if (args[k] !== undefined && !declared.includes(k))
      fail(
        "E_EVENTS_UNKNOWN_PARAMETER",
        `${wf.kind} ${wf.name} declares no parameter "${k}" (it declares: ${declared.join(", ") || "none"})`,
      );
  }
  const mapped = declared.filter((k) => args[k] !== undefined);
  let resource: Record<string, unknown>;
  let names: string[];
  const templateRef = workflowTemplateRef(wf.kind, wf.name);
  if (wf.kind === "Workflow") {
    const m = compile(wf);
    resource = { ...m };
    names = m.kind === "CronWorkflow" ? [] : (m.spec.arguments?.parameters ?? []).map((p) => p.name);
  } else if (templateRef) {
    names = mapped;
    const spec: Record<string, unknown> = {};
    if (mapped.length) spec.arguments = { parameters: mapped.map((name) => ({ name, value: "" })) };
    spec.workflowTemplateRef = templateRef;
    resource = { apiVersion: ARGO_API_VERSION, kind: "Workflow", metadata: { generateName: `${wf.name}-` }, spec };
  } else {
    return fail(
      "E_EVENTS_TRIGGER_KIND",
      `a trigger cannot run a ${wf.kind} (${wf.name}): give a Workflow, WorkflowTemplate or ClusterWorkflowTemplate`,
    );
  }
  const parameters = mapped.map((k) => args[k]!.to(`spec.arguments.parameters.${names.indexOf(k)}.value`));
  return { resource, parameters };
}

function isWorkflowConfig(c: object): c is WorkflowTriggerConfig<WorkflowObject> {
  return "workflow" in c && isWorkflow(c.workflow);
}

function isExistingConfig(c: object): c is ExistingWorkflowConfig {
  return "workflow" in c && !isWorkflow(c.workflow);
}

function fromExisting(config: ExistingWorkflowConfig): ArgoWorkflowTrigger {
  const {
    workflow: { kind, name },
    ...rest
  } = config;
  return { ...structuredClone(rest), source: { resource: { apiVersion: ARGO_API_VERSION, kind, metadata: { name } } } };
}

function fromWorkflow<W extends WorkflowObject>(
  config: WorkflowTriggerConfig<W>,
): [() => { source: { resource: Record<string, unknown> }; parameters?: TriggerParameter[] }, WorkflowObject[]] {
  const { workflow, arguments: args, parameters, ...rest } = config;
  const build = () => {
    const { resource, parameters: generated } = workflowResource(
      workflow,
      args as Record<string, ParamSource<unknown>>,
    );
    const all = [...generated, ...(parameters ?? [])];
    return { ...structuredClone(rest), source: { resource }, ...(all.length ? { parameters: all } : {}) };
  };
  return [build, workflow.kind === "Workflow" ? [] : [workflow]];
}

/**
 * An `argoWorkflow` trigger (submit, resubmit, resume, retry, suspend or terminate a workflow). Give it a wfc
 * `workflow` (and `arguments` mapping event values to its declared parameters: the trigger `parameters` are
 * generated), an {@link ExistingWorkflow} in the cluster (`{ kind, name }`), or Argo's `ArgoWorkflowTrigger`
 * fields as they are.
 *
 * @example
 * ```ts
 * argoWorkflowTrigger("run-etl", { workflow: etl, operation: "submit", arguments: { date: deps.tick.data("eventTime") } })
 * ```
 */
export function argoWorkflowTrigger<W extends WorkflowObject>(
  name: string,
  config: ArgoWorkflowConfig<W> | ExistingWorkflowConfig | ArgoWorkflowTrigger,
  options?: TriggerOptions,
): TriggerObject {
  if (isWorkflowConfig(config)) {
    const [build, templates] = fromWorkflow(config);
    return trigger("argoWorkflow", name, build, options, templates);
  }
  if (isExistingConfig(config)) return trigger("argoWorkflow", name, fromExisting(config), options);
  return trigger("argoWorkflow", name, config, options);
}

/**
 * A `k8s` trigger (create, update, patch or delete a Kubernetes resource). Give it a wfc `workflow` (with
 * `arguments`, as {@link argoWorkflowTrigger}) or Argo's `StandardK8STrigger` fields as they are.
 *
 * @example
 * ```ts
 * k8sTrigger("create-wf", { operation: "create", workflow: hello, arguments: { message: deps.hook.data("body") } })
 * ```
 */
export function k8sTrigger<W extends WorkflowObject>(
  name: string,
  config: K8sConfig<W> | StandardK8STrigger,
  options?: TriggerOptions,
): TriggerObject {
  if (isWorkflowConfig(config)) {
    const [build, templates] = fromWorkflow(config);
    return trigger("k8s", name, build, options, templates);
  }
  return trigger("k8s", name, config, options);
}
