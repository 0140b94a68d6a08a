/** Literal printing and names for the Argo Events import (the builder style of `@wfc/events`). */
import { setOwn } from "@wfc/sdk/internal";
import type { Obj } from "../values.js";

const RESERVED = new Set([
  "default",
  "delete",
  "new",
  "function",
  "class",
  "switch",
  "case",
  "import",
  "export",
  "package",
  "event",
  "sensor",
  "trigger",
]);

export const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
export const key = (k: string): string => (IDENT.test(k) ? k : JSON.stringify(k));
const camel = (s: string) =>
  s.replace(/[-_.]+([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase()).replace(/^[^A-Za-z_$]/, "_$&");

/** The variable of an event source (or of the events of an external one), named after it. */
export function varName(name: string): string {
  const v = camel(name);
  return RESERVED.has(v) || v.endsWith("Source") || v.endsWith("Trigger") ? `${v}Events` : v;
}

/** A string literal; a long multi-line string as a template literal. */
export function str(s: string): string {
  if (s.includes("\n") && s.length > 40)
    return `\`${s.replace(/\\/g, "\\\\").replace(/`/g, "\\`").replace(/\$\{/g, "\\${")}\``;
  return JSON.stringify(s);
}

/** A YAML value as a TypeScript literal (values in `raw` printed as the code given). */
export function lit(v: unknown, indent: string, raw?: Map<unknown, string>): string {
  if (raw?.has(v)) return raw.get(v)!;
  if (typeof v === "string") return str(v);
  if (v === null || typeof v !== "object") return JSON.stringify(v);
  const inner = `${indent}  `;
  if (Array.isArray(v)) {
    if (!v.length) return "[]";
    const parts = v.map((x) => lit(x, inner, raw));
    const one = `[${parts.join(", ")}]`;
    return one.length + indent.length < 100 && !one.includes("\n")
      ? one
      : `[\n${parts.map((p) => `${inner}${p},`).join("\n")}\n${indent}]`;
  }
  const entries = Object.entries(v as Obj);
  if (!entries.length) return "{}";
  const parts = entries.map(([k, x]) => `${key(k)}: ${lit(x, inner, raw)}`);
  const one = `{ ${parts.join(", ")} }`;
  return one.length + indent.length < 100 && !one.includes("\n")
    ? one
    : `{\n${parts.map((p) => `${inner}${p},`).join("\n")}\n${indent}}`;
}

/** `name`, `namespace`, `labels`, `annotations` and the rest of `metadata` as builder options. */
export function metaFields(m: Obj): string[] {
  const out = [`name: ${str(String(m.name))}`];
  const rest: Obj = {};
  for (const [k, v] of Object.entries(m)) {
    if (k === "name") continue;
    if (k === "namespace" || k === "labels" || k === "annotations") out.push(`${k}: ${lit(v, "  ")}`);
    else setOwn(rest, k, v);
  }
  if (Object.keys(rest).length) out.push(`metadata: ${lit(rest, "  ")}`);
  return out;
}
