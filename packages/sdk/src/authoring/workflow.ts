import type { ArgoCronWorkflowSpec, ArgoObjectMeta, ArgoWorkflowSpec } from "../core/argo.js";
import { BRAND, hasBrand } from "../core/brand.js";
import { AuthoringError, type SourceLocation } from "../core/errors.js";
import { workflowTemplateRef as workflowTemplateRefOf } from "../core/kinds.js";
import { callerLocation } from "../core/location.js";
import type { TemplateModel, WorkflowKind, WorkflowModel } from "../core/model.js";
import { createRef, type Ref } from "../core/ref.js";
import { bodyTemplate, type OutputValues } from "./body.js";
import { type Decls, type InputRefs, ioSpec } from "./decl.js";
import { type Expr, isExpr } from "./expr.js";
import { deepLower } from "./lower.js";
import { isTemplate, templateModel } from "./template-model.js";
import type { AnyTemplate, LifecycleHook, Refable } from "./types.js";

/**
 * `spec` fields a workflow accepts directly (everything but what wfc derives).
 *
 * @example
 * ```ts
 * workflow({ name: "w", ttlStrategy: { secondsAfterCompletion: 600 }, parallelism: 4 }, () => { work(); });
 * ```
 */
export type WorkflowSpecFields = Omit<
  ArgoWorkflowSpec,
  "templates" | "entrypoint" | "arguments" | "onExit" | "workflowTemplateRef" | "hooks"
>;

/**
 * Options shared by every workflow kind.
 *
 * @example
 * ```ts
 * workflow({ generateName: "etl-", labels: { team: "data" }, serviceAccountName: "etl", podGC: { strategy: "OnPodSuccess" } }, () => { extract(); });
 * ```
 */
export interface WorkflowOptions<P extends Decls = {}> extends Refable<WorkflowSpecFields> {
  /** `metadata.name`. One of `name` or `generateName` is required (`generateName` only for Workflows). */
  readonly name?: string;
  /** `metadata.generateName`, e.g. `"hello-"`. */
  readonly generateName?: string;
  /** `metadata.namespace`. @default the namespace chosen at submit time */
  readonly namespace?: string;
  /** `metadata.labels`. */
  readonly labels?: Readonly<Record<string, string>>;
  /** `metadata.annotations`. */
  readonly annotations?: Readonly<Record<string, string>>;
  /** Workflow parameters (zod schemas, `param()`) and artifacts (`artifact()`); typed references in the body. */
  readonly parameters?: P;
  /** The entrypoint template, when there is no body (a name only for templates emitted by other means). */
  readonly entrypoint?: AnyTemplate | string;
  /** The name of the template the body makes. @default "main" */
  readonly entrypointName?: string;
  /** Whether the body is a DAG or a steps body. @default "dag" */
  readonly bodyKind?: "dag" | "steps";
  /** How the body writes dependencies. @default "depends" */
  readonly dependencyStyle?: "depends" | "dependencies";
  /** Extra templates to emit, e.g. ones only referred to by name or used by `onExit`. */
  readonly templates?: readonly AnyTemplate[];
  /** The exit handler template (`spec.onExit`). */
  readonly onExit?: AnyTemplate;
  /**
   * Run a WorkflowTemplate or ClusterWorkflowTemplate (`spec.workflowTemplateRef`): the template
   * object of this program, or `{ name, clusterScope }` for one that lives only in the cluster.
   */
  readonly workflowTemplateRef?: WorkflowObject | { readonly name: string; readonly clusterScope?: boolean };
  /** Workflow-level lifecycle hooks (`spec.hooks`), templates as values. */
  readonly hooks?: { readonly [event: string]: LifecycleHook };
  /** Escape hatch: more `metadata` fields. */
  readonly metadata?: Refable<ArgoObjectMeta>;
}

/**
 * A body: gets typed references to the workflow's parameters and records the tasks.
 *
 * @example
 * ```ts
 * workflow({ name: "w", parameters: { who: z.string() } }, ({ who }) => { hello({ msg: who }); });
 * ```
 */
export type WorkflowBody<P> = (params: InputRefs<P>) => OutputValues<{}> | void;

/**
 * A workflow object of any kind, ready to compile. Export it from a module and `wfc build`
 * finds it.
 *
 * @example
 * ```ts
 * export default workflow({ generateName: "hello-" }, () => { hello({ msg: "hi" }); }); // found by wfc build
 * ```
 */
export interface WorkflowObject<P extends Decls = Decls, K extends WorkflowKind = WorkflowKind> {
  readonly [BRAND.workflow]: WorkflowModel;
  readonly kind: K;
  /** `metadata.name` or `generateName`. */
  readonly name: string;
  /** The declared parameters, by name (their zod schemas check `-p` values at submit time). */
  readonly parameters: P;
}

/**
 * True when `value` is a workflow object (from any copy of the SDK).
 *
 * @example
 * ```ts
 * const found = Object.values(moduleExports).filter(isWorkflow);
 * ```
 */
export function isWorkflow(value: unknown): value is WorkflowObject {
  return hasBrand(value, BRAND.workflow);
}

/** The model behind a workflow object. */
export function workflowModel(wf: WorkflowObject): WorkflowModel {
  return wf[BRAND.workflow];
}

let nextSeq = 1;
const seqOf = new WeakMap<object, number>();

/**
 * Sorts workflow objects into the order they were defined (created) in, e.g. the order a module
 * writes them: module namespaces list exports alphabetically, so this is how a multi-document
 * module keeps its documents in the order of its source.
 *
 * @example
 * ```ts
 * const docs = definitionOrder(Object.values(moduleExports).filter(isWorkflow)).map((w) => compile(w));
 * ```
 */
export function definitionOrder<T extends object>(objects: readonly T[]): T[] {
  return [...objects].sort((a, b) => (seqOf.get(a) ?? 0) - (seqOf.get(b) ?? 0));
}

/** Records that `obj` (a workflow or another manifest object of this SDK) was defined now. */
export function markDefined(obj: object): void {
  seqOf.set(obj, nextSeq++);
}

function makeWorkflow<P extends Decls, K extends WorkflowKind>(
  kind: K,
  options: WorkflowOptions<P>,
  body: WorkflowBody<P> | undefined,
  cron: Record<string, unknown> | undefined,
  location: SourceLocation | undefined,
): WorkflowObject<P, K> {
  const {
    name,
    generateName,
    namespace,
    labels,
    annotations,
    parameters,
    entrypoint,
    entrypointName,
    bodyKind,
    dependencyStyle,
    templates,
    onExit,
    metadata,
    workflowTemplateRef,
    ...spec
  } = options;
  if (!name && !generateName)
    throw new AuthoringError("E_NO_NAME", `a ${kind} needs a name (or generateName)`, location);
  if (generateName && kind !== "Workflow" && !name)
    throw new AuthoringError("E_NO_NAME", `a ${kind} needs a name; generateName is for Workflows`, location);
  const meta: Record<string, unknown> = {};
  if (name) meta.name = name;
  if (generateName) meta.generateName = generateName;
  if (namespace) meta.namespace = namespace;
  if (labels) meta.labels = { ...labels };
  if (annotations) meta.annotations = { ...annotations };
  if (metadata) Object.assign(meta, deepLower(metadata));

  const holder: { model?: WorkflowModel } = {};
  const io = ioSpec(parameters, "input");
  const paramRefs: Record<string, Ref> = {};
  for (const p of io.parameters)
    paramRefs[p.name] = createRef({ kind: "workflow-param", workflow: holder, name: p.name });
  for (const a of io.artifacts) paramRefs[a.name] = createRef({ kind: "global", expr: `workflow.artifacts.${a.name}` });

  let entry: TemplateModel | undefined =
    entrypoint && typeof entrypoint !== "string" ? templateModel(entrypoint) : undefined;
  if (body) {
    if (entry)
      throw new AuthoringError(
        "E_TWO_ENTRYPOINTS",
        `${kind} ${name ?? generateName}: give either an entrypoint template or a body, not both`,
        location,
      );
    const t = bodyTemplate(
      bodyKind ?? "dag",
      { name: entrypointName ?? "main", dependencyStyle },
      () => body(paramRefs as InputRefs<P>),
      holder,
      undefined,
      location,
    );
    entry = templateModel(t);
  }
  const extra = (templates ?? []).map((t) => {
    if (!isTemplate(t))
      throw new AuthoringError(
        "E_NOT_A_TEMPLATE",
        `${kind} ${name ?? generateName}: templates[] must hold wfc templates`,
        location,
      );
    return templateModel(t);
  });
  const specFields = deepLower(spec) as Record<string, unknown>;
  if (workflowTemplateRef) {
    if (isWorkflow(workflowTemplateRef)) {
      const m = workflowModel(workflowTemplateRef);
      const ref = workflowTemplateRefOf(m.kind, String(m.metadata.name));
      if (!ref)
        throw new AuthoringError(
          "E_NOT_A_TEMPLATE",
          `workflowTemplateRef needs a WorkflowTemplate or ClusterWorkflowTemplate, not a ${m.kind}`,
          location,
        );
      specFields.workflowTemplateRef = ref;
    } else specFields.workflowTemplateRef = { ...workflowTemplateRef };
  }
  if (typeof entrypoint === "string") specFields.entrypoint = entrypoint;
  if (onExit) specFields.onExit = templateModel(onExit);

  const model: WorkflowModel = Object.freeze({
    kind,
    metadata: Object.freeze(meta),
    parameters: io.parameters,
    artifacts: io.artifacts,
    entrypoint: entry,
    templates: Object.freeze(extra),
    spec: Object.freeze(specFields),
    cron: cron ? Object.freeze(deepLower(cron) as Record<string, unknown>) : undefined,
    location,
  });
  holder.model = model;
  const wf: WorkflowObject<P, K> = {
    [BRAND.workflow]: model,
    kind,
    name: (name ?? generateName) as string,
    parameters: (parameters ?? {}) as P,
  };
  seqOf.set(wf, nextSeq++);
  return Object.freeze(wf);
}

/**
 * A Workflow. With a body, the body is the entrypoint DAG (or steps, with `bodyKind`).
 *
 * @example
 * ```ts
 * export default workflow({ generateName: "hello-", parameters: { who: z.string().default("world") } }, ({ who }) => {
 *   say({ msg: `hello ${who}` });
 * });
 * ```
 */
export function workflow<const P extends Decls = {}>(
  options: WorkflowOptions<P>,
  body?: WorkflowBody<P>,
): WorkflowObject<P, "Workflow"> {
  return makeWorkflow("Workflow", options, body, undefined, callerLocation(workflow));
}

/**
 * A WorkflowTemplate: a reusable workflow stored in the cluster.
 *
 * @example
 * ```ts
 * export const tpl = workflowTemplate({ name: "greet", parameters: { who: z.string() } }, ({ who }) => { say({ msg: who }); });
 * ```
 */
export function workflowTemplate<const P extends Decls = {}>(
  options: WorkflowOptions<P>,
  body?: WorkflowBody<P>,
): WorkflowObject<P, "WorkflowTemplate"> {
  return makeWorkflow("WorkflowTemplate", options, body, undefined, callerLocation(workflowTemplate));
}

/**
 * A ClusterWorkflowTemplate: a WorkflowTemplate available in every namespace.
 *
 * @example
 * ```ts
 * export const tpl = clusterWorkflowTemplate({ name: "greet" }, () => { say({ msg: "hi" }); });
 * ```
 */
export function clusterWorkflowTemplate<const P extends Decls = {}>(
  options: WorkflowOptions<P>,
  body?: WorkflowBody<P>,
): WorkflowObject<P, "ClusterWorkflowTemplate"> {
  return makeWorkflow("ClusterWorkflowTemplate", options, body, undefined, callerLocation(clusterWorkflowTemplate));
}

/**
 * The CronWorkflow fields besides the workflow spec (Argo v4: `schedules` is a list).
 *
 * @example
 * ```ts
 * cronWorkflow({ name: "n", schedules: ["0 * * * *"], cron: { timezone: "UTC", suspend: false } }, () => { tick(); });
 * ```
 */
export type CronFields = Omit<ArgoCronWorkflowSpec, "workflowSpec" | "workflowMetadata" | "schedule">;

/**
 * Options of a CronWorkflow: the workflow options plus the cron fields.
 *
 * @example
 * ```ts
 * cronWorkflow({ name: "nightly", schedules: ["0 2 * * *"], cron: { concurrencyPolicy: "Forbid" } }, () => { backup(); });
 * ```
 */
export interface CronWorkflowOptions<P extends Decls = {}> extends WorkflowOptions<P> {
  /** When to run: cron expressions. */
  readonly schedules: readonly string[];
  /** The other cron fields (timezone, concurrencyPolicy, startingDeadlineSeconds, `when` (an {@link Expr} or string), ...). */
  readonly cron?: Refable<Omit<CronFields, "schedules" | "when">> & { readonly when?: Expr | string };
  /** `spec.workflowMetadata`: labels and annotations of the workflows it creates. */
  readonly workflowMetadata?: Refable<ArgoObjectMeta>;
}

/**
 * A CronWorkflow: runs the workflow on a schedule.
 *
 * @example
 * ```ts
 * export const nightly = cronWorkflow({ name: "nightly", schedules: ["0 2 * * *"], cron: { timezone: "UTC" } }, () => { backup(); });
 * ```
 */
export function cronWorkflow<const P extends Decls = {}>(
  options: CronWorkflowOptions<P>,
  body?: WorkflowBody<P>,
): WorkflowObject<P, "CronWorkflow"> {
  const { schedules, cron, workflowMetadata, ...wf } = options;
  const cronFields: Record<string, unknown> = { schedules: [...schedules], ...(cron ?? {}) };
  // `when` holds a whole `{{= }}` expression, not a bare one.
  if (isExpr(cronFields.when)) cronFields.when = String(cronFields.when);
  if (workflowMetadata) cronFields.workflowMetadata = workflowMetadata;
  return makeWorkflow("CronWorkflow", wf as WorkflowOptions<P>, body, cronFields, callerLocation(cronWorkflow));
}
