import type { ZodType, z } from "zod";
import type {
  ArgoContainer,
  ArgoContainerSetTemplate,
  ArgoData,
  ArgoHTTP,
  ArgoPlugin,
  ArgoResourceTemplate,
  ArgoScriptTemplate,
  ArgoSuspendTemplate,
  ArgoTemplate,
} from "../core/argo.js";
import { BRAND } from "../core/brand.js";
import { callerLocation } from "../core/location.js";
import type { TemplateKind, TemplateModel } from "../core/model.js";
import { setOwn } from "../core/own-key.js";
import { type Decls, type InputRefs, type InputsOf, ioSpec, type OutputsOf } from "./decl.js";
import type { ExactSpecOf } from "./exact-spec.js";
import { deepLower } from "./lower.js";
import { inputRefs, makeTemplate, newTemplateModel } from "./template-model.js";
import type { Refable, Template } from "./types.js";

export type { Refable };

/**
 * Template-level Argo fields every factory accepts (retryStrategy, timeout, metadata, ...).
 *
 * @example
 * ```ts
 * container({ name: "c", retryStrategy: { limit: 3 }, timeout: "5m", nodeSelector: { pool: "gpu" } }, { image: "busybox" });
 * ```
 */
export type TemplateFields = Omit<
  ArgoTemplate,
  | "name"
  | "inputs"
  | "outputs"
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
>;

/**
 * The template-level fields of a factory's options: each one a value, or a function of the
 * template's own typed input references (for fields outside the spec, such as `timeout`).
 *
 * @example
 * ```ts
 * container({ name: "sleep", inputs: { limit: z.string() }, timeout: ({ limit }) => limit }, { image: "alpine", args: ["sleep", "30"] });
 * ```
 */
export type FieldsOf<I> = {
  readonly [K in keyof TemplateFields]?:
    | Refable<TemplateFields[K]>
    | ((inputs: InputRefs<I>) => Refable<TemplateFields[K]>);
};

/**
 * Calls the fields given as functions of the template's inputs (template values, which are
 * functions too, are left as they are).
 */
export function applyFieldFunctions(fields: Record<string, unknown>, refs: () => unknown): Record<string, unknown> {
  let out: Record<string, unknown> | undefined;
  for (const k in fields) {
    const v = fields[k];
    if (typeof v !== "function" || BRAND.template in v) continue;
    out ??= { ...fields };
    out[k] = (v as (inputs: unknown) => unknown)(refs());
  }
  return out ?? fields;
}

/**
 * Options every template factory takes.
 *
 * @example
 * ```ts
 * container({ name: "say", inputs: { msg: z.string() }, activeDeadlineSeconds: 60 }, ({ msg }) => ({ image: "busybox", args: [msg] }));
 * ```
 */
export interface TemplateOptions<I extends Decls = {}, O extends Decls = {}> extends FieldsOf<I> {
  /** The template's name: DNS-1123, unique in the workflow. */
  readonly name: string;
  /** Declared inputs: zod schemas (parameters), `param()` or `artifact()` declarations. */
  readonly inputs?: I;
  /** Declared outputs: `param(schema, { valueFrom })` or `artifact({ path })`. */
  readonly outputs?: O;
}

/**
 * A template spec, given directly or as a function of the template's input references.
 *
 * @example
 * ```ts
 * container({ name: "c", inputs: { msg: z.string() } }, ({ msg }) => ({ image: "busybox", args: [msg] }));
 * ```
 */
export type SpecOf<I, S> = S | ((inputs: InputRefs<I>) => S);

type Kinds = {
  container: ArgoContainer;
  script: ArgoScriptTemplate;
  resource: ArgoResourceTemplate;
  suspend: ArgoSuspendTemplate;
  http: ArgoHTTP;
  data: ArgoData;
  containerSet: ArgoContainerSetTemplate;
  plugin: ArgoPlugin;
};

const FACTORY_KEYS = new Set(["name", "inputs", "outputs", "result"]);

/**
 * `const { name, inputs, outputs, result, ...rest } = options` without the rest copy when there
 * is nothing else (most templates): the template-level fields beyond the factory's own options.
 * Only own enumerable string keys matter: the fields are lowered with `for...in` from here on.
 */
function otherFields(options: Record<string, unknown>): Record<string, unknown> {
  let rest: Record<string, unknown> | undefined;
  for (const k in options) {
    if (FACTORY_KEYS.has(k) || !Object.hasOwn(options, k)) continue;
    rest ??= {};
    setOwn(rest, k, options[k]);
  }
  return rest ?? {};
}

/**
 * Defines a template of any leaf kind. The typed factories (`container`, `resource`, ...) are
 * thin wrappers over this.
 */
export function leafTemplate<K extends keyof Kinds, I extends Decls, O extends Decls, R>(
  kind: K,
  options: TemplateOptions<I, O> & { readonly result?: ZodType },
  spec: SpecOf<I, Refable<Kinds[K]>> | undefined,
  entry: Function = leafTemplate,
): Template<InputsOf<I>, OutputsOf<O>, R> {
  const location = callerLocation(entry);
  const { name, inputs, outputs, result } = options as TemplateOptions<I, O> & { result?: ZodType };
  const rest = otherFields(options as unknown as Record<string, unknown>);
  const model = newTemplateModel({
    name,
    kind: kind as TemplateKind,
    inputs: ioSpec(inputs, "input"),
    outputs: ioSpec(outputs, "output"),
    result,
    fields: {},
    location,
  });
  let refs: unknown;
  const refsOnce = () => (refs ??= inputRefs(model));
  const body = typeof spec === "function" ? (spec as (i: unknown) => unknown)(refsOnce()) : spec;
  const fields: Record<string, unknown> = {};
  fields[kind] = deepLower(body ?? {});
  Object.assign(fields, deepLower(applyFieldFunctions(rest, refsOnce)));
  (model as { fields: unknown }).fields = Object.freeze(fields);
  return makeTemplate<InputsOf<I>, OutputsOf<O>, R>(Object.freeze(model) as TemplateModel);
}

/**
 * A container template: runs an image.
 *
 * @example
 * ```ts
 * const say = container({ name: "say", inputs: { msg: z.string() } }, ({ msg }) => ({
 *   image: "busybox", command: ["echo"], args: [msg],
 * }));
 * ```
 */
export function container<
  const I extends Decls = {},
  const O extends Decls = {},
  R = string,
  S extends Refable<ArgoContainer> = Refable<ArgoContainer>,
>(
  options: TemplateOptions<I, O> & { readonly result?: ZodType<R> },
  spec: ExactSpecOf<InputRefs<I>, Refable<ArgoContainer>, S>,
): Template<InputsOf<I>, OutputsOf<O>, R> {
  return leafTemplate("container", options, spec, container);
}

/**
 * A resource template: creates, applies, patches or deletes a Kubernetes object.
 *
 * @example
 * ```ts
 * const mk = resource({ name: "mk" }, { action: "create", manifest: "apiVersion: v1\nkind: ConfigMap\n..." });
 * ```
 */
export function resource<
  const I extends Decls = {},
  const O extends Decls = {},
  S extends Refable<ArgoResourceTemplate> = Refable<ArgoResourceTemplate>,
>(
  options: TemplateOptions<I, O>,
  spec: ExactSpecOf<InputRefs<I>, Refable<ArgoResourceTemplate>, S>,
): Template<InputsOf<I>, OutputsOf<O>, never> {
  return leafTemplate("resource", options, spec, resource);
}

/**
 * A suspend template: pauses the workflow until resumed or for a duration.
 *
 * @example
 * ```ts
 * const wait = suspend({ name: "wait" }, { duration: "20s" });
 * ```
 */
export function suspend<
  const I extends Decls = {},
  const O extends Decls = {},
  S extends Refable<ArgoSuspendTemplate> = Refable<ArgoSuspendTemplate>,
>(
  options: TemplateOptions<I, O>,
  spec: ExactSpecOf<InputRefs<I>, Refable<ArgoSuspendTemplate>, S> = {},
): Template<InputsOf<I>, OutputsOf<O>, never> {
  return leafTemplate("suspend", options, spec, suspend);
}

/**
 * An HTTP template: the Argo agent makes an HTTP request.
 *
 * @example
 * ```ts
 * const get = http({ name: "get", inputs: { url: z.string() } }, ({ url }) => ({ url, method: "GET" }));
 * ```
 */
export function http<
  const I extends Decls = {},
  const O extends Decls = {},
  S extends Refable<ArgoHTTP> = Refable<ArgoHTTP>,
>(
  options: TemplateOptions<I, O>,
  spec: ExactSpecOf<InputRefs<I>, Refable<ArgoHTTP>, S>,
): Template<InputsOf<I>, OutputsOf<O>, string> {
  return leafTemplate("http", options, spec, http);
}

/**
 * A data template: lists and transforms artifacts.
 *
 * @example
 * ```ts
 * const list = data({ name: "list" }, { source: { artifactPaths: { name: "p", s3: { key: "in/" } } }, transformation: [] });
 * ```
 */
export function data<
  const I extends Decls = {},
  const O extends Decls = {},
  S extends Refable<ArgoData> = Refable<ArgoData>,
>(
  options: TemplateOptions<I, O>,
  spec: ExactSpecOf<InputRefs<I>, Refable<ArgoData>, S>,
): Template<InputsOf<I>, OutputsOf<O>, string> {
  return leafTemplate("data", options, spec, data);
}

/**
 * A container-set template: several containers in one pod, with their own dependencies.
 *
 * @example
 * ```ts
 * const set = containerSet({ name: "set" }, { containers: [{ name: "main", image: "alpine" }] });
 * ```
 */
export function containerSet<
  const I extends Decls = {},
  const O extends Decls = {},
  S extends Refable<ArgoContainerSetTemplate> = Refable<ArgoContainerSetTemplate>,
>(
  options: TemplateOptions<I, O>,
  spec: ExactSpecOf<InputRefs<I>, Refable<ArgoContainerSetTemplate>, S>,
): Template<InputsOf<I>, OutputsOf<O>, string> {
  return leafTemplate("containerSet", options, spec, containerSet);
}

/**
 * A plugin template: runs an executor plugin.
 *
 * @example
 * ```ts
 * const hi = plugin({ name: "hi" }, { hello: { text: "hi" } });
 * ```
 */
export function plugin<
  const I extends Decls = {},
  const O extends Decls = {},
  S extends Refable<ArgoPlugin> = Refable<ArgoPlugin>,
>(
  options: TemplateOptions<I, O>,
  spec: ExactSpecOf<InputRefs<I>, Refable<ArgoPlugin>, S>,
): Template<InputsOf<I>, OutputsOf<O>, string> {
  return leafTemplate("plugin", options, spec, plugin);
}

/**
 * Options of a script template given as source text.
 *
 * @example
 * ```ts
 * script({ name: "py" }, { image: "python:3.12-alpine", command: ["python"], source: "print(42)" });
 * ```
 */
export type ScriptSpec = Refable<ArgoScriptTemplate>;

/**
 * A script template from source text in any language (`command` picks the interpreter).
 *
 * @example
 * ```ts
 * const flip = script({ name: "flip" }, { image: "python:alpine3.6", command: ["python"], source: "print('heads')" });
 * ```
 */
export function script<
  const I extends Decls = {},
  const O extends Decls = {},
  R = string,
  S extends ScriptSpec = ScriptSpec,
>(
  options: TemplateOptions<I, O> & { readonly result?: ZodType<R> },
  spec: ExactSpecOf<InputRefs<I>, ScriptSpec, S>,
): Template<InputsOf<I>, OutputsOf<O>, R> {
  return leafTemplate("script", options, spec, script);
}

export type { TemplateModel, z };
