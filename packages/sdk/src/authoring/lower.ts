import { isRef } from "../core/ref.js";

/**
 * Turns an argument value into the string Argo passes: strings as they are, numbers and booleans
 * printed, objects and arrays as JSON, references as their placeholder.
 */
export function lowerValue(value: unknown): string {
  if (typeof value === "string") return value;
  if (isRef(value)) return String(value);
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  if (value === null || value === undefined) return "";
  return JSON.stringify(value);
}

/**
 * Copies a user-provided Argo object, replacing references anywhere inside it by their
 * placeholders and dropping `undefined` fields. Key order is kept.
 */
export function deepLower(value: unknown): unknown {
  if (isRef(value)) return String(value);
  if (Array.isArray(value)) return value.map(deepLower);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = deepLower(v);
    return out;
  }
  return value;
}
