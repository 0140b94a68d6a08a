/**
 * What the harness reads from wfc objects beyond their public types: a template's declared inputs
 * and outputs with their zod schemas (to decode typed values), and a task handle's name and the
 * template of the body it belongs to. The SDK keeps these models under `Symbol.for("wfc.template")`
 * and `Symbol.for("wfc.task")` (brands shared by every copy of the SDK); this file is the only
 * place that reads them, so that a public accessor in the SDK can replace it.
 */

/** The part of a zod schema the harness uses. */
export interface SchemaLike {
  safeParse(value: unknown): {
    readonly success: boolean;
    readonly data?: unknown;
    readonly error?: { readonly issues: readonly { readonly message: string }[] };
  };
}

/** A declared parameter. */
export interface ParamInfo {
  readonly name: string;
  readonly schema: SchemaLike | undefined;
  /** `valueFrom.path` of an output parameter. */
  readonly path: string | undefined;
}

/** A declared artifact: its Argo name and the key it is declared under. */
export interface ArtifactInfo {
  readonly name: string;
  readonly key: string;
  readonly path: string | undefined;
}

/** A template as the harness sees it. */
export interface TemplateInfo {
  /** Its name in `spec.templates` (`template.templateName`; the compiler emits it as is). */
  readonly name: string;
  /** For a `templateRef()` template: the name of the template inside the referenced WorkflowTemplate. */
  readonly refName: string | undefined;
  /** container, script, dag, steps, suspend, http, ... */
  readonly kind: string;
  readonly inputs: { readonly parameters: readonly ParamInfo[]; readonly artifacts: readonly ArtifactInfo[] };
  readonly outputs: { readonly parameters: readonly ParamInfo[]; readonly artifacts: readonly ArtifactInfo[] };
  /** Schema of `outputs.result`, when declared. */
  readonly result: SchemaLike | undefined;
}

/** A task handle as the harness sees it. */
export interface TaskInfo {
  readonly name: string;
  readonly template: TemplateInfo;
  /** The DAG or steps template the task was created in. */
  readonly scopeTemplate: string | undefined;
}

const TEMPLATE = Symbol.for("wfc.template");
const TASK = Symbol.for("wfc.task");

interface RawIO {
  readonly parameters: readonly {
    readonly name: string;
    readonly schema?: SchemaLike;
    readonly fields: Readonly<Record<string, unknown>>;
  }[];
  readonly artifacts: readonly {
    readonly name: string;
    readonly key?: string;
    readonly fields: Readonly<Record<string, unknown>>;
  }[];
}
interface RawTemplate {
  readonly name: string;
  readonly kind: string;
  readonly inputs: RawIO;
  readonly outputs: RawIO;
  readonly result?: SchemaLike;
  readonly templateRef?: { readonly template: string };
}
interface RawTask {
  readonly name: string;
  readonly template: RawTemplate;
  readonly scope?: { readonly template?: { readonly name: string } };
}

const infos = new WeakMap<object, TemplateInfo>();

function brandOf(value: unknown, brand: symbol): unknown {
  if ((typeof value !== "object" && typeof value !== "function") || value === null) return undefined;
  return (value as Record<symbol, unknown>)[brand];
}

/** True when `value` is a wfc template (from any copy of the SDK). */
export function isTemplateValue(value: unknown): boolean {
  return brandOf(value, TEMPLATE) !== undefined;
}

/** True when `value` is a wfc task handle. */
export function isTaskValue(value: unknown): boolean {
  return brandOf(value, TASK) !== undefined;
}

function io(raw: RawIO): TemplateInfo["inputs"] {
  return {
    parameters: raw.parameters.map((p) => ({
      name: p.name,
      schema: p.schema,
      path: (p.fields.valueFrom as { path?: string } | undefined)?.path,
    })),
    artifacts: raw.artifacts.map((a) => ({
      name: a.name,
      key: a.key ?? a.name,
      path: a.fields.path as string | undefined,
    })),
  };
}

function fromModel(model: RawTemplate): TemplateInfo {
  let info = infos.get(model);
  if (!info) {
    info = {
      name: model.name,
      refName: model.templateRef?.template,
      kind: model.kind,
      inputs: io(model.inputs),
      outputs: io(model.outputs),
      result: model.result,
    };
    infos.set(model, info);
  }
  return info;
}

/** The template behind a template value; throws a TypeError for anything else. */
export function templateInfo(value: unknown): TemplateInfo {
  const model = brandOf(value, TEMPLATE) as RawTemplate | undefined;
  if (!model) throw new TypeError("not a wfc template");
  return fromModel(model);
}

/** The task behind a task handle; throws a TypeError for anything else. */
export function taskInfo(value: unknown): TaskInfo {
  const model = brandOf(value, TASK) as RawTask | undefined;
  if (!model) throw new TypeError("not a wfc task handle");
  return { name: model.name, template: fromModel(model.template), scopeTemplate: model.scope?.template?.name };
}
