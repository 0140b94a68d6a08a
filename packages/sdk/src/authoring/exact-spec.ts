/**
 * Exactness of specs returned by functions: TypeScript checks excess properties of an object
 * literal only where it is written against a known type, not in the value a function returns
 * (`({ table }) => ({ comand: [...] })` compiles). `ExactSpec` turns every field of the returned
 * object that the spec does not have into a {@link TypeError} naming it, so a misspelt field is a
 * compile error there too.
 */
import type { Ref } from "../core/ref.js";
import type { TypeError as SpecTypeError } from "./types.js";

/**
 * For an object `S` returned where a `T` is expected: every key of `S` that `T` lacks maps to a
 * `TypeError` naming it (nested objects and arrays of objects too); `unknown` (no constraint)
 * elsewhere. Used as `S & ExactSpec<S, T>`. TypeScript reports the error at the function, with
 * the field's name in the message.
 *
 * @example
 * ```ts
 * type E = ExactSpec<{ comand: string[] }, { command?: string[] }>;
 * // { readonly comand: TypeError<'"comand" is not a field here (misspelt?)'> }
 * ```
 */
export type ExactSpec<S, T> = S extends Ref<unknown> | ((...args: never[]) => unknown)
  ? unknown
  : S extends readonly (infer E)[]
    ? NonNullable<T> extends readonly (infer TE)[]
      ? readonly ExactSpec<E, TE>[]
      : unknown
    : S extends object
      ? NonNullable<T> extends object
        ? NonNullable<T> extends readonly unknown[]
          ? unknown
          : Excess<S, NonNullable<T>> & {
              readonly [K in keyof S & keyof NonNullable<T>]?: ExactSpec<S[K], NonNullable<T>[K]>;
            }
        : unknown
      : unknown;

/**
 * A spec, given directly or as a function of the template's input references whose returned
 * object is checked exactly (see {@link ExactSpec}).
 *
 * @example
 * ```ts
 * container({ name: "c", inputs: { msg: z.string() } }, ({ msg }) => ({ image: "busybox", args: [msg] }));
 * ```
 */
export type ExactSpecOf<InputRefsT, T, S> = T | ((inputs: InputRefsT) => S & ExactSpec<S, T>);

/**
 * The keys of `S` that `T` lacks, each a `TypeError` naming it; `unknown` when there are none (an
 * empty object type would make the intersection non-weak and let unrelated objects through).
 */
type Excess<S, T> = [Exclude<keyof S, keyof T>] extends [never]
  ? unknown
  : { readonly [K in Exclude<keyof S, keyof T>]: SpecTypeError<`"${K & string}" is not a field here (misspelt?)`> };
