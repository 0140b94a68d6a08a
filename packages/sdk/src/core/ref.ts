import { BRAND, hasBrand } from "./brand.js";
import type { SourceLocation } from "./errors.js";
import type { TaskModel, TemplateModel, WorkflowModel } from "./model.js";

declare const refType: unique symbol;

/** What a reference points at. The compiler turns it into an Argo `{{...}}` expression. */
export type RefTarget =
  | {
      readonly kind: "task-output";
      readonly task: TaskModel;
      readonly what: "parameters" | "artifacts";
      readonly name: string;
    }
  | { readonly kind: "task-attr"; readonly task: TaskModel; readonly attr: string }
  | {
      readonly kind: "input";
      readonly template: TemplateModel;
      readonly what: "parameters" | "artifacts";
      readonly name: string;
    }
  | { readonly kind: "workflow-param"; readonly workflow: { model?: WorkflowModel }; readonly name: string }
  | { readonly kind: "item"; readonly loop: object; readonly path: readonly string[] }
  | { readonly kind: "global"; readonly expr: string };

/** The data behind a reference, under its brand symbol. */
export interface RefData {
  readonly id: number;
  readonly target: RefTarget;
  readonly location: SourceLocation | undefined;
}

/**
 * A typed reference to a value that exists only when the workflow runs: a task's output, a
 * template input, a workflow parameter or a loop item. Passing a `Ref` to a task makes the
 * dependency; interpolating it into a string (`` `echo ${ref}` ``) does too.
 *
 * `T` is the value's type: a `Ref<number>` cannot be passed where a `string` input is declared.
 *
 * @example
 * ```ts
 * const n = randomNumber();          // n.result: Ref<number>
 * plusOne({ x: n.result });           // dependency random-number -> plus-one
 * ```
 */
export interface Ref<out T = unknown> {
  /** @internal phantom type carrier, never set at run time */
  readonly [refType]?: T;
  readonly [BRAND.ref]: RefData;
  /** The placeholder the compiler replaces with the Argo expression (`{{tasks.a.outputs.result}}`). */
  toString(): string;
}

/**
 * A reference to an artifact (a file or directory passed between tasks).
 *
 * @example
 * ```ts
 * const a = produce(); consume({ data: a.outputs.data }); // a.outputs.data: ArtifactRef
 * ```
 */
export interface ArtifactRef extends Ref<ArtifactValue> {}

/** Marker type of artifact references. */
export interface ArtifactValue {
  readonly __artifact: true;
}

// Shared through globalThis so that references made by another copy of the SDK resolve too.
const store = ((globalThis as Record<symbol, unknown>)[Symbol.for("wfc.refs")] ??= { refs: [] as Ref[], next: 1 }) as {
  refs: Ref[];
  next: number;
};

/** Placeholder syntax. `e` marks the expression form (inside `{{= }}`), without braces. */
export const TOKEN_RE = /⟦wfc:(\d+)(:e|:E)?⟧/g;

/** References share their methods through a prototype: builds make tens of thousands of them. */
class RefImpl {
  readonly [BRAND.ref]!: RefData;
  constructor(data: RefData) {
    this[BRAND.ref] = data;
  }
  toString(): string {
    return `⟦wfc:${this[BRAND.ref].id}⟧`;
  }
  toJSON(): string {
    return `⟦wfc:${this[BRAND.ref].id}⟧`;
  }
}

function makeRef<T>(target: RefTarget, location?: SourceLocation): Ref<T> {
  const id = store.next++;
  const ref = new RefImpl({ id, target, location }) as unknown as Ref<T>;
  store.refs[id] = ref;
  return ref;
}

/** Creates a reference. Used by the authoring API; users get references from task calls. */
export function createRef<T>(target: RefTarget, location?: SourceLocation): Ref<T> {
  return makeRef<T>(target, location);
}

/**
 * Creates a loop item reference: a `Ref` whose properties are references to the item's fields
 * (`item.name` becomes `{{item.name}}`), typed per item.
 */
export function createItemRef<T>(loop: object, path: readonly string[] = []): Item<T> {
  const base = makeRef<T>({ kind: "item", loop, path });
  const cache = new Map<string, unknown>();
  return new Proxy(base as object, {
    get(target, prop, receiver) {
      if (typeof prop === "symbol" || prop === "toString" || prop === "toJSON")
        return Reflect.get(target, prop, receiver);
      if (prop === "then") return undefined;
      let child = cache.get(prop);
      if (!child) cache.set(prop, (child = createItemRef(loop, [...path, prop])));
      return child;
    },
  }) as Item<T>;
}

/**
 * A loop item: a reference to the whole item and, for object items, to each field.
 *
 * @example
 * ```ts
 * forEach([{ os: "debian", v: 12 }], (item) => test({ os: item.os, version: item.v }));
 * ```
 */
export type Item<T> = Ref<T> &
  (T extends readonly unknown[] ? unknown : T extends object ? { readonly [K in keyof T]-?: Item<T[K]> } : unknown);

/**
 * True when `value` is a wfc reference (from any copy of the SDK).
 *
 * @example
 * ```ts
 * if (isRef(value)) console.log("a run-time value:", String(value));
 * ```
 */
export function isRef(value: unknown): value is Ref {
  return hasBrand(value, BRAND.ref);
}

/** The data behind a reference. */
export function refData(ref: Ref): RefData {
  return ref[BRAND.ref];
}

/** Looks up a reference by its placeholder id. */
export function refById(id: number): Ref | undefined {
  return store.refs[id];
}

/**
 * The expression form of a reference, for use inside `{{= }}` expressions.
 *
 * @example
 * ```ts
 * const e = `${exprToken(flip.result)} == "heads"`; // tasks['flip'].outputs.result == "heads" inside {{= }}
 * exprToken(shouldPrint, '"') // inputs.parameters["should-print"] (dashed names in double quotes)
 * ```
 */
export function exprToken(ref: Ref, quote: "'" | '"' = "'"): string {
  return `⟦wfc:${refData(ref).id}:${quote === '"' ? "E" : "e"}⟧`;
}

/**
 * A variable path as written inside an expression (`{{= }}`): segments that are not identifiers
 * are indexed, `tasks.flip-coin.outputs.result` -> `tasks['flip-coin'].outputs.result`.
 *
 * @internal
 */
export function exprForm(expr: string, quote: "'" | '"' = "'"): string {
  return expr
    .split(".")
    .map((part, i) => (i > 0 && /[^A-Za-z0-9_]/.test(part) ? `[${quote}${part}${quote}]` : (i > 0 ? "." : "") + part))
    .join("");
}
