/**
 * Brands mark wfc objects with `Symbol.for(...)` keys, so that two copies of the SDK loaded in one
 * process (for example one bundled by a tool and one from `node_modules`) still recognise each
 * other's templates, references, tasks, declarations, expressions and workflows.
 *
 * @internal
 */
const ref: unique symbol = Symbol.for("wfc.ref") as never;
const template: unique symbol = Symbol.for("wfc.template") as never;
const workflow: unique symbol = Symbol.for("wfc.workflow") as never;
const task: unique symbol = Symbol.for("wfc.task") as never;
const param: unique symbol = Symbol.for("wfc.param") as never;
const artifact: unique symbol = Symbol.for("wfc.artifact") as never;
const expr: unique symbol = Symbol.for("wfc.expr") as never;
const manifests: unique symbol = Symbol.for("wfc.manifests") as never;

/** The brand symbols, by what they mark. */
export const BRAND = { ref, template, workflow, task, param, artifact, expr, manifests } as const;

/** True when `value` is an object carrying the given brand. */
export function hasBrand(value: unknown, brand: symbol): boolean {
  return (typeof value === "object" || typeof value === "function") && value !== null && brand in value;
}
