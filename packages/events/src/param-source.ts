import { EVENTS_BRAND, hasEventsBrand } from "./brand.js";
import type { TriggerParameter, TriggerParameterSource } from "./types.gen.js";

declare const untyped: unique symbol;
/**
 * The value type of a {@link ParamSource} read from an event whose payload type is not declared: accepted for
 * any workflow parameter.
 *
 * @example
 * ```ts
 * const src: ParamSource<Untyped> = deps.push.data("body.ref");
 * ```
 */
export type Untyped = typeof untyped;

/**
 * Where a trigger parameter's value comes from in an event (`src` of a trigger parameter): a field of the
 * event's data or context, a template over them, or a literal fallback. `T` is the value's type when known.
 *
 * @example
 * ```ts
 * deps.push.data("body.ref").withDefault("main").to("spec.arguments.parameters.0.value")
 * ```
 */
export interface ParamSource<out T = Untyped> {
  readonly [EVENTS_BRAND.paramSource]: true;
  /** Type-level only. */
  readonly __type?: T;
  /** The `src` object. */
  readonly src: TriggerParameterSource;
  /** `src.value`: the value used when the key is not found in the event. */
  withDefault(value: string): ParamSource<T>;
  /** `src.useRawData`: use the field's raw bytes rather than its JSON encoding. */
  raw(): ParamSource<T>;
  /** How the value is written: over the current value (unset: Argo's default, overwrite), before or after it. */
  readonly operation?: "overwrite" | "append" | "prepend";
  /** Writes the value before the current one (`operation: prepend`), e.g. before a workflow parameter's default. */
  prepend(): ParamSource<T>;
  /** Writes the value after the current one (`operation: append`). */
  append(): ParamSource<T>;
  /** A trigger parameter writing this value to `dest` in the trigger's resource (or payload). @default operation: this source's */
  to(dest: string, operation?: "overwrite" | "append" | "prepend"): TriggerParameter;
}

/**
 * True when `value` is a {@link ParamSource}.
 *
 * @example
 * ```ts
 * if (isParamSource(v)) console.log(v.src.dependencyName);
 * ```
 */
export function isParamSource(value: unknown): value is ParamSource<unknown> {
  return hasEventsBrand(value, EVENTS_BRAND.paramSource);
}

/**
 * Makes a {@link ParamSource} from a `src` object.
 *
 * @example
 * ```ts
 * const s = paramSource({ dependencyName: "push", dataKey: "body.ref" });
 * ```
 */
export function paramSource<T = Untyped>(
  src: TriggerParameterSource,
  operation?: "overwrite" | "append" | "prepend",
): ParamSource<T> {
  return {
    [EVENTS_BRAND.paramSource]: true,
    src,
    ...(operation ? { operation } : {}),
    withDefault: (value) => paramSource<T>({ ...src, value }, operation),
    raw: () => paramSource<T>({ ...src, useRawData: true }, operation),
    prepend: () => paramSource<T>(src, "prepend"),
    append: () => paramSource<T>(src, "append"),
    to: (dest, op = operation) => (op ? { src: { ...src }, dest, operation: op } : { src: { ...src }, dest }),
  };
}

type Depth = [never, 0, 1, 2, 3, 4, 5];
/**
 * The dot-separated paths into a payload type `T` (to depth 6): `"body" | "body.message" | ...`.
 *
 * @example
 * ```ts
 * type P = PayloadPath<{ body: { message: string } }>; // "body" | "body.message"
 * ```
 */
export type PayloadPath<T, D extends number = 6> = [D] extends [never]
  ? never
  : T extends readonly unknown[]
    ? never
    : T extends object
      ? { [K in keyof T & string]: K | `${K}.${PayloadPath<T[K], Depth[D]>}` }[keyof T & string]
      : never;

/**
 * The type at a dot-separated path of `T`.
 *
 * @example
 * ```ts
 * type M = PayloadAt<{ body: { message: string } }, "body.message">; // string
 * ```
 */
export type PayloadAt<T, P extends string> = P extends `${infer H}.${infer R}`
  ? H extends keyof T
    ? PayloadAt<T[H], R>
    : unknown
  : P extends keyof T
    ? T[P]
    : unknown;

/** The keys accepted by {@link DependencyRef.data} for a payload type. */
type KeyOf<P> = unknown extends P ? string : PayloadPath<P>;
/** The value type for a key. */
type ValueAt<P, K extends string> = unknown extends P ? Untyped : PayloadAt<P, K>;

/**
 * A Sensor dependency inside `triggers`: reads values out of the event that resolved it. Its string form is the
 * dependency's name, so trigger `conditions` can be written as template strings.
 *
 * @example
 * ```ts
 * triggers: (deps) => [logTrigger("log", {}, { conditions: `${deps.a} || ${deps.b}` })]
 * ```
 */
export interface DependencyRef<N extends string = string, P = unknown> {
  /** The dependency's name. */
  readonly name: N;
  /** `dataKey`: a field of the event's data (a dot path; typed when the payload type is declared). */
  data<K extends KeyOf<P>>(key: K): ParamSource<ValueAt<P, K>>;
  /** The whole event data. */
  data(): ParamSource<unknown extends P ? Untyped : P>;
  /** `contextKey`: a field of the event's CloudEvents context (`id`, `source`, `type`, `time`...). */
  context(key?: string): ParamSource<string>;
  /** `dataTemplate`: a Go template over the event data (`{{ .Input.body.name }}`). */
  dataTemplate(template: string): ParamSource<string>;
  /** `contextTemplate`: a Go template over the event context. */
  contextTemplate(template: string): ParamSource<string>;
  /** The dependency's name. */
  toString(): N;
}

/**
 * Makes the {@link DependencyRef} of the dependency named `name`.
 *
 * @example
 * ```ts
 * const ref = dependencyRef("push");
 * ```
 */
export function dependencyRef<N extends string, P = unknown>(name: N): DependencyRef<N, P> {
  return {
    name,
    data: ((key?: string) =>
      paramSource(
        key === undefined ? { dependencyName: name } : { dependencyName: name, dataKey: key },
      )) as DependencyRef<N, P>["data"],
    context: (key) =>
      paramSource<string>(key === undefined ? { dependencyName: name } : { dependencyName: name, contextKey: key }),
    dataTemplate: (template) => paramSource<string>({ dependencyName: name, dataTemplate: template }),
    contextTemplate: (template) => paramSource<string>({ dependencyName: name, contextTemplate: template }),
    toString: () => name,
  };
}
