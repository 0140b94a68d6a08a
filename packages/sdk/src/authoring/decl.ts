import { type ZodType, z } from "zod";
import type { ArgoArtifact, ArgoValueFrom } from "../core/argo.js";
import { BRAND, hasBrand } from "../core/brand.js";
import { foreignSchema } from "../core/foreign-zod.js";
import type { ArtifactSpec, ParamSpec } from "../core/model.js";
import type { ArtifactRef, Ref } from "../core/ref.js";
import type { Expr } from "./expr.js";
import { deepLower, lowerValue } from "./lower.js";

/**
 * Options of a parameter declaration beyond its zod schema.
 *
 * @example
 * ```ts
 * param(z.string(), { description: "the target", globalName: "target", valueFrom: { path: "/tmp/t" } });
 * ```
 */
export interface ParamOptions {
  /** Shown in the Argo UI. @default the schema's `.describe()` text */
  readonly description?: string;
  /** Where an output parameter's value comes from (a file path, a JSON path, an expression...). */
  readonly valueFrom?: Omit<ArgoValueFrom, "expression"> & { readonly expression?: string | Expr };
  /** Export this output parameter to the workflow's global scope under this name. */
  readonly globalName?: string;
  /** A fixed value (for inputs: the value used when the caller passes none; for outputs: a literal). */
  readonly value?: unknown;
  /** The allowed values. @default for inputs, the values of a `z.enum` schema */
  readonly enum?: readonly string[];
}

/**
 * A parameter declaration: a zod schema plus Argo's parameter options. A bare zod schema in an
 * `inputs` or `outputs` object is a parameter declaration with no options.
 *
 * @example
 * ```ts
 * outputs: { count: param(z.number(), { valueFrom: { path: "/tmp/count" } }) }
 * ```
 */
export interface ParamDecl<S extends ZodType = ZodType, HasValue extends boolean = boolean> {
  readonly [BRAND.param]: true;
  readonly schema: S;
  /**
   * Argo's other Parameter fields. Only whether a fixed `value` is given is in the type (it makes
   * an input optional): hovers show the schema, not the options' literals.
   */
  readonly options: HasValue extends true ? ParamOptions & { readonly value: unknown } : ParamOptions;
}

/**
 * Declares a parameter with options. See {@link ParamDecl}.
 *
 * @example
 * ```ts
 * outputs: { count: param(z.number(), { valueFrom: { path: "/tmp/count" } }) }
 * ```
 */
export function param<S extends ZodType>(
  schema: S,
  options: ParamOptions & { readonly value: {} | null },
): ParamDecl<S, true>;
export function param<S extends ZodType>(schema: S, options?: ParamOptions): ParamDecl<S, false>;
export function param<S extends ZodType>(schema: S, options?: ParamOptions): ParamDecl<S> {
  return Object.freeze({ [BRAND.param]: true as const, schema, options: Object.freeze({ ...(options ?? {}) }) });
}

/**
 * Declares an output parameter read from a file in the container.
 *
 * @example
 * ```ts
 * outputs: { n: outputFromPath(z.number(), "/tmp/n") }
 * ```
 */
export function outputFromPath<S extends ZodType>(
  schema: S,
  path: string,
  options: Omit<ParamOptions, "valueFrom"> = {},
): ParamDecl<S, false> {
  return param(schema, { ...options, valueFrom: { path } });
}

/**
 * Artifact fields a declaration may set (everything of Argo's Artifact but its name).
 *
 * @example
 * ```ts
 * artifact({ path: "/data", s3: { key: "runs/data.tgz" }, archive: { tar: {} } });
 * ```
 */
export type ArtifactOptions = Omit<ArgoArtifact, "name" | "from" | "fromExpression"> & {
  /**
   * The artifact's Argo name when it differs from its key: e.g. an output parameter and an output
   * artifact both named `out` (`{ out: param(...), outArt: artifact({ name: "out", ... }) }`).
   */
  readonly name?: string;
  /** An expression choosing the artifact (e.g. with {@link ifThenElse}). */
  readonly fromExpression?: string | Expr;
  /** Where an output artifact of a DAG or steps template comes from: a task's artifact. */
  readonly from?: ArtifactRef | string;
};

type SourceKey =
  | "from"
  | "fromExpression"
  | "s3"
  | "gcs"
  | "git"
  | "http"
  | "artifactory"
  | "hdfs"
  | "oss"
  | "raw"
  | "azure"
  | "plugin"
  | "optional";

/**
 * An artifact declaration. `HasSource` is true when the declaration says where the artifact comes
 * from (so a caller need not pass it).
 *
 * @example
 * ```ts
 * const decl: ArtifactDecl = artifact({ path: "/tmp/out.txt" });
 * ```
 */
export interface ArtifactDecl<HasSource extends boolean = boolean> {
  readonly [BRAND.artifact]: true;
  readonly options: ArtifactOptions;
  /** @internal phantom */
  readonly __hasSource?: HasSource;
}

/**
 * Declares an input or output artifact: a file or directory at `path` in the container.
 *
 * @example
 * ```ts
 * const wc = container({ name: "count", inputs: { text: artifact({ path: "/tmp/in.txt" }) } }, () => ({
 *   image: "alpine", command: ["wc", "-l", "/tmp/in.txt"],
 * }));
 * ```
 */
export function artifact<const O extends ArtifactOptions = {}>(
  options?: O,
): ArtifactDecl<[Extract<keyof O, SourceKey>] extends [never] ? false : true> {
  return Object.freeze({
    [BRAND.artifact]: true as const,
    options: Object.freeze({ ...(options ?? {}) }) as ArtifactOptions,
  });
}

/** What an `inputs` or `outputs` object holds per name. */
export type Decl = ZodType | ParamDecl | ArtifactDecl;
/**
 * An `inputs` or `outputs` object.
 *
 * @example
 * ```ts
 * const inputs = { msg: z.string(), data: artifact({ path: "/in" }) } satisfies Decls;
 * ```
 */
export type Decls = { readonly [name: string]: Decl };

/** The zod schema of a parameter declaration. */
export type SchemaOf<D> = D extends ParamDecl<infer S, boolean> ? S : D extends ZodType ? D : never;

/**
 * A value or a reference to one.
 *
 * @example
 * ```ts
 * const v: Value<number> = 3; // or a Ref<number>
 * ```
 */
export type Value<T> = T | Ref<T>;

/** What may be passed for an artifact input: another task's artifact, or a location. */
export type ArtifactArg = ArtifactRef | ArtifactOptions;

/** The value a caller passes for one declared input. */
export type ArgOf<D> = ArgFor<ValueOfDecl<D>>;

declare const artifactValue: unique symbol;

/**
 * An artifact, as it appears in a template's input and output shapes
 * (`Template<{ data: Artifact }, { rows: Artifact }>`): a caller passes an artifact reference or
 * location for it, a task's `outputs` gives an {@link ArtifactRef}.
 *
 * @example
 * ```ts
 * const load: Template<{ rows: Artifact }> = container({ name: "load", inputs: { rows: artifact({ path: "/in" }) } }, { image: "alpine" });
 * ```
 */
export interface Artifact {
  readonly [artifactValue]: "artifact";
}

/**
 * Flattens an intersection or mapped type into one object type, so that editors show its members
 * (`{ msg: string; times?: number }`) instead of the type expression that made it.
 *
 * @example
 * ```ts
 * type Shown = Simplify<{ a: string } & { b?: number }>; // { a: string; b?: number }
 * ```
 */
export type Simplify<T> = { [K in keyof T]: T[K] } & {};

/**
 * The value type of one declaration: the schema's output type, or {@link Artifact}.
 *
 * @example
 * ```ts
 * type N = ValueOfDecl<ParamDecl<z.ZodNumber>>; // number
 * ```
 */
export type ValueOfDecl<D> = D extends ArtifactDecl ? Artifact : z.output<SchemaOf<D>>;

/** The argument for one value of an input shape: the value or a reference to it (an artifact: a reference or location). */
type ArgFor<V> = [Exclude<V, undefined>] extends [Artifact] ? ArtifactArg : Value<Exclude<V, undefined>>;

/**
 * The input shape of declared inputs: each input's value type, optional when a caller may omit it
 * (a default, `.optional()`, a fixed value, an artifact with a source). What `Template<I>` holds.
 *
 * @example
 * ```ts
 * type In = InputsOf<{ msg: z.ZodString; times: ParamDecl<z.ZodNumber, true> }>; // { msg: string; times?: number }
 * ```
 */
export type InputsOf<I> = Simplify<
  { [K in Exclude<keyof I, OptionalKeys<I>>]: ValueOfDecl<I[K]> } & { [K in OptionalKeys<I>]?: ValueOfDecl<I[K]> }
>;

/**
 * The output shape of declared outputs: each output's value type. What `Template<I, O>` and
 * `Task<O>` hold.
 *
 * @example
 * ```ts
 * type Out = OutputsOf<{ count: ParamDecl<z.ZodNumber>; data: ArtifactDecl }>; // { count: number; data: Artifact }
 * ```
 */
export type OutputsOf<O> = Simplify<{ -readonly [K in keyof O]: ValueOfDecl<O[K]> }>;

/**
 * The arguments object of a call of a template whose input shape is `V`.
 *
 * @example
 * ```ts
 * type HelloArgs = ArgsOf<{ msg: string }>; // { readonly msg: string | Ref<string> }
 * ```
 */
export type ArgsOf<V> = [keyof V] extends [never]
  ? { readonly [k: string]: never }
  : { readonly [K in keyof V]: ArgFor<V[K]> };

/**
 * References to the outputs of a task whose output shape is `V`.
 *
 * @example
 * ```ts
 * type Refs = RefsOf<{ n: number; data: Artifact }>; // { readonly n: Ref<number>; readonly data: ArtifactRef }
 * ```
 */
export type RefsOf<V> = { readonly [K in keyof V]: [V[K]] extends [Artifact] ? ArtifactRef : Ref<V[K]> };

type OptionalKey<I, K extends keyof I> =
  I[K] extends ArtifactDecl<infer H>
    ? H extends true
      ? K
      : never
    : undefined extends z.input<SchemaOf<I[K]>>
      ? K
      : I[K] extends { readonly options: { readonly value: unknown } }
        ? K
        : never;

type OptionalKeys<I> = { [K in keyof I]-?: OptionalKey<I, K> }[keyof I];

/**
 * The arguments object of a template call, derived from its declared inputs: required unless the
 * schema has a default (or is optional), typed per input.
 *
 * @example
 * ```ts
 * type HelloArgs = Args<{ msg: z.ZodString }>; // { readonly msg: string | Ref<string> }
 * ```
 */
export type Args<I> = ArgsOf<InputsOf<I>>;

/**
 * References to a task's declared outputs.
 *
 * @example
 * ```ts
 * const t = gen(); add({ a: t.outputs.n }); // t.outputs: OutputRefs<{ n: ... }>
 * ```
 */
export type OutputRefs<O> = RefsOf<OutputsOf<O>>;

/**
 * References to a template's own inputs, as seen inside its body.
 *
 * @example
 * ```ts
 * dag({ name: "inner", inputs: { x: z.number() } }, ({ x }) => { add({ a: x }); }); // x: Ref<number>
 * ```
 */
export type InputRefs<I> = OutputRefs<I>;

/** True when `d` is a parameter declaration or a zod schema. */
export function isParamDecl(d: unknown): d is ParamDecl | ZodType {
  return hasBrand(d, BRAND.param) || d instanceof z.ZodType || isZodLike(d);
}

/** True when `d` is an artifact declaration. */
export function isArtifactDecl(d: unknown): d is ArtifactDecl {
  return hasBrand(d, BRAND.artifact);
}

function isZodLike(d: unknown): d is ZodType {
  // zod 4 schemas from another copy of zod: recognise by their `_zod` internals.
  return typeof d === "object" && d !== null && "_zod" in d && "safeParse" in d;
}

interface ZodIntrospect {
  readonly def: {
    readonly type: string;
    readonly defaultValue?: unknown;
    readonly innerType?: ZodIntrospect;
    readonly entries?: Record<string, string>;
  };
  readonly description?: string;
  readonly options?: readonly unknown[];
}

function unwrap(schema: ZodType): ZodIntrospect {
  let s = schema as unknown as ZodIntrospect;
  while (["default", "optional", "nullable", "readonly", "prefault"].includes(s.def.type) && s.def.innerType)
    s = s.def.innerType;
  return s;
}

/** The zod type name under wrappers (`number`, `string`, `enum`, `object`...). */
export function baseTypeOf(schema: ZodType): string {
  return unwrap(schema).def.type;
}

/** Lowers a parameter declaration to the model, in Argo's field order. */
export function paramSpec(name: string, decl: ParamDecl | ZodType, role: "input" | "output"): ParamSpec {
  // Declarations are values shared by many templates: lower each one once per role.
  let cached = specFields.get(decl);
  if (!cached) specFields.set(decl, (cached = {}));
  let fields = cached[role];
  if (!fields) fields = cached[role] = lowerParamFields(decl, role);
  const schema = hasBrand(decl, BRAND.param) ? (decl as ParamDecl).schema : (decl as ZodType);
  return Object.freeze({ name, schema, fields });
}

const specFields = new WeakMap<
  object,
  { input?: Readonly<Record<string, unknown>>; output?: Readonly<Record<string, unknown>> }
>();

function lowerParamFields(decl: ParamDecl | ZodType, role: "input" | "output"): Readonly<Record<string, unknown>> {
  const p: ParamDecl = hasBrand(decl, BRAND.param) ? (decl as ParamDecl) : param(decl as ZodType);
  const schema = p.schema as unknown as ZodIntrospect;
  const fields: Record<string, unknown> = {};
  if (role === "input" && schema.def.type === "default") fields.default = lowerValue(schema.def.defaultValue);
  if (p.options.value !== undefined) fields.value = lowerValue(p.options.value);
  if (p.options.valueFrom) fields.valueFrom = deepLower(p.options.valueFrom);
  if (p.options.globalName) fields.globalName = p.options.globalName;
  const inner = unwrap(p.schema);
  // The values of a z.enum become `enum` of an input (what a caller may pass); an output's enum is only written when given.
  const en =
    p.options.enum ??
    (role === "input" && inner.def.type === "enum" && inner.options ? inner.options.map(String) : undefined);
  if (en) fields.enum = [...en];
  const description = p.options.description ?? (p.schema as unknown as ZodIntrospect).description ?? inner.description;
  if (description) fields.description = description;
  return Object.freeze(fields);
}

/** Lowers an artifact declaration to the model. */
export function artifactSpec(name: string, decl: ArtifactDecl): ArtifactSpec {
  const { name: argoName, ...fields } = decl.options as ArtifactOptions;
  const spec = argoName !== undefined && argoName !== name ? { name: argoName, key: name } : { name };
  return Object.freeze({ ...spec, fields: Object.freeze(deepLower(fields) as Record<string, unknown>) });
}

/** Splits an inputs/outputs object into parameter and artifact specs. */
export function ioSpec(
  decls: Decls | undefined,
  role: "input" | "output",
): { parameters: ParamSpec[]; artifacts: ArtifactSpec[] } {
  const parameters: ParamSpec[] = [];
  const artifacts: ArtifactSpec[] = [];
  for (const name in decls) {
    const d = decls[name]!;
    if (isArtifactDecl(d)) artifacts.push(artifactSpec(name, d));
    else if (isParamDecl(d)) parameters.push(paramSpec(name, d, role));
    else {
      const foreign = foreignSchema(d);
      throw new TypeError(
        foreign
          ? `${role} "${name}" is ${foreign}`
          : `${role} "${name}" is neither a zod schema, a param() nor an artifact() declaration`,
      );
    }
  }
  return { parameters, artifacts };
}
