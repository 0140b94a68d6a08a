import { BRAND, hasBrand } from "../core/brand.js";
import { setOwn } from "../core/own-key.js";
import { isRef } from "../core/ref.js";
import { circular, Unrepresentable, unrepresentable } from "../core/unrepresentable.js";
import { isExpr } from "./expr.js";

/**
 * Turns an argument value into the string Argo passes: strings as they are, numbers and booleans
 * printed, objects and arrays as JSON, references as their placeholder.
 */
export function lowerValue(value: unknown): string {
  if (typeof value === "string") return value;
  if (isRef(value)) return String(value);
  if (isExpr(value)) return String(value);
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  if (value === null || value === undefined) return "";
  return JSON.stringify(value);
}

/**
 * Copies a user-provided Argo object, replacing references anywhere inside it by their
 * placeholders and dropping `undefined` fields. Key order is kept. An expression ({@link isExpr})
 * standing as a whole field value is written as its bare text (the fields that take one hold a bare
 * expression: `valueFrom.expression`, `fromExpression`, a hook's `expression`); a template value
 * (in `onExit`, `hooks`, ...) becomes its model, which the compiler emits and names.
 */
export function deepLower(value: unknown): unknown {
  return lowerIn(value, []);
}

// `ancestors` is the path of objects being copied (a few deep in a manifest: a scan is cheapest);
// each top-level call has its own, so an exception needs no clean-up.
function lowerIn(value: unknown, ancestors: object[]): unknown {
  if (value === null) return value;
  const type = typeof value;
  if (type === "function")
    return hasBrand(value, BRAND.template)
      ? (value as { [BRAND.template]: unknown })[BRAND.template]
      : unrepresentable(value);
  if (type === "number") return Number.isFinite(value) ? value : unrepresentable(value);
  if (type === "bigint" || type === "symbol") return unrepresentable(value) ?? value;
  if (type !== "object") return value;
  if (isRef(value)) return String(value);
  if (isExpr(value)) return value.text;
  if (BRAND.template in (value as object)) return (value as { [BRAND.template]: unknown })[BRAND.template];
  if (value instanceof Unrepresentable) return value;
  const bad = unrepresentable(value);
  if (bad) return bad;
  // A value already being copied further up contains itself: JSON cannot hold it.
  if (ancestors.includes(value as object)) return circular();
  ancestors.push(value as object);
  let out: unknown;
  if (Array.isArray(value)) {
    const arr = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) arr[i] = lowerIn(value[i], ancestors);
    out = arr;
  } else {
    // Keys come from user data: `__proto__` must stay an own key, not change the copy's prototype.
    const obj: Record<string, unknown> = {};
    const o = value as Record<string, unknown>;
    for (const k in o) {
      const v = o[k];
      if (v !== undefined) setOwn(obj, k, lowerIn(v, ancestors));
    }
    out = obj;
  }
  ancestors.pop();
  return out;
}
