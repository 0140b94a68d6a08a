import { BRAND, hasBrand } from "../core/brand.js";
import { isRef } from "../core/ref.js";
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
  if (value === null) return value;
  const type = typeof value;
  if (type === "function")
    return hasBrand(value, BRAND.template) ? (value as { [BRAND.template]: unknown })[BRAND.template] : value;
  if (type !== "object") return value;
  if (isRef(value)) return String(value);
  if (isExpr(value)) return value.text;
  if (BRAND.template in (value as object)) return (value as { [BRAND.template]: unknown })[BRAND.template];
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = deepLower(value[i]);
    return out;
  }
  const out: Record<string, unknown> = {};
  const o = value as Record<string, unknown>;
  for (const k in o) {
    const v = o[k];
    if (v !== undefined) out[k] = deepLower(v);
  }
  return out;
}
