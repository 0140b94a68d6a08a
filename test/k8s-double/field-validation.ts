/**
 * `fieldValidation` of the double, as the API server applies it to a custom resource: unknown
 * fields are rejected (`Strict`, a 400 "strict decoding error"), or dropped with a `Warning`
 * header each (`Warn`, the server's default), or dropped silently (`Ignore`).
 */
import type { FieldIssue } from "./server.js";
import { type Obj, StoreError } from "./store.js";

/** The directives the API server accepts. */
export type FieldValidation = "Strict" | "Warn" | "Ignore";

/** Parses the `fieldValidation` query parameter (absent: `Warn`, as kube-apiserver >= 1.27). */
export function fieldValidationOf(value: string | null): FieldValidation {
  if (value === null || value === "") return "Warn";
  if (value === "Strict" || value === "Warn" || value === "Ignore") return value;
  throw new StoreError(
    400,
    "BadRequest",
    `fieldValidation parameter unsupported: ${value}; valid values are Ignore, Warn and Strict`,
  );
}

/** `spec.templates[0].container.comand` -> `["spec", "templates", 0, "container", "comand"]`. */
function segments(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[([^\]]*)\]/g)) {
    if (m[1] !== undefined) out.push(m[1]);
    else out.push(/^\d+$/.test(m[2]!) ? Number(m[2]) : m[2]!);
  }
  return out;
}

function drop(obj: Obj, path: string): void {
  const segs = segments(path);
  let cur: unknown = obj;
  for (const s of segs.slice(0, -1)) cur = (cur as Record<string | number, unknown> | undefined)?.[s];
  const last = segs[segs.length - 1];
  if (cur && typeof cur === "object" && last !== undefined) delete (cur as Record<string | number, unknown>)[last];
}

/**
 * Applies the directive to the unknown-field issues of `obj`: throws for `Strict`, else removes
 * those fields from `obj` and returns the warnings to send (none for `Ignore`). The other issues
 * are returned for the caller to report as 422 Invalid.
 */
export function applyFieldValidation(
  kind: string,
  version: string,
  obj: Obj,
  issues: readonly FieldIssue[],
  mode: FieldValidation,
): { warnings: string[]; invalid: FieldIssue[] } {
  const unknown = issues.filter((i) => i.message === "unknown field");
  const invalid = issues.filter((i) => i.message !== "unknown field");
  if (!unknown.length) return { warnings: [], invalid };
  if (mode === "Strict")
    throw new StoreError(
      400,
      "BadRequest",
      `${kind} in version "${version}" cannot be handled as a ${kind}: strict decoding error: ${unknown.map((i) => `unknown field "${i.path}"`).join(", ")}`,
    );
  for (const i of unknown) drop(obj, i.path);
  return { warnings: mode === "Warn" ? unknown.map((i) => `unknown field "${i.path}"`) : [], invalid };
}

/** A `Warning` header value for one text (RFC 7234: `299 - "text"`). */
export function warningHeader(text: string): string {
  return `299 - "${text.replace(/["\\]/g, (c) => `\\${c}`)}"`;
}
