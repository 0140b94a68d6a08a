import { stringifyJson } from "../core/json.js";
import { evalCelRule } from "./cel.js";
import type { CelRule, CrdSchema } from "./crd-schemas.js";
import type { ValidationIssue } from "./issues.js";

// A hand-written walker over the CRD's structural schema, written for speed (a 5000-template workflow is
// ~100k nodes): each schema node is compiled once, lazily, on first visit. It does what the API server
// does for a custom resource with fieldValidation=Strict: unknown fields, types, int-or-string, nullable
// (non-nullable nulls in objects are pruned, i.e. treated as absent), enum, pattern, format (byte,
// date-time), bounds, lengths, sizes, list-type set/map uniqueness, required, and CEL rules.

type JsonType = "object" | "array" | "string" | "integer" | "number" | "boolean";

interface Compiled {
  type: JsonType | undefined;
  intOrString: boolean;
  nullable: boolean;
  props: Map<string, CrdSchema> | undefined;
  required: string[];
  additional: CrdSchema | undefined;
  anyAdditional: boolean;
  preserve: boolean;
  embedded: boolean;
  items: CrdSchema | undefined;
  enumSet: Set<unknown> | undefined;
  enumText: string;
  pattern: RegExp | undefined;
  patternText: string;
  format: string | undefined;
  s: CrdSchema;
  listType: string | undefined;
  listKeys: string[] | undefined;
  rules: CelRule[] | undefined;
}

const compiled = new WeakMap<CrdSchema, Compiled>();

function compile(s: CrdSchema): Compiled {
  let c = compiled.get(s);
  if (c) return c;
  let pattern: RegExp | undefined;
  if (s.pattern !== undefined) {
    try {
      pattern = new RegExp(s.pattern, "u");
    } catch {
      pattern = new RegExp(s.pattern);
    }
  }
  const ap = s.additionalProperties;
  c = {
    type: s.type,
    intOrString: s["x-kubernetes-int-or-string"] === true,
    nullable: s.nullable === true,
    props: s.properties ? new Map(Object.entries(s.properties)) : undefined,
    required: s.required ?? [],
    additional: typeof ap === "object" ? ap : undefined,
    anyAdditional: ap === true,
    preserve: s["x-kubernetes-preserve-unknown-fields"] === true,
    embedded: s["x-kubernetes-embedded-resource"] === true,
    items: s.items,
    enumSet: s.enum ? new Set(s.enum) : undefined,
    enumText: s.enum ? s.enum.map((e) => (typeof e === "string" && e !== "" ? e : JSON.stringify(e))).join(", ") : "",
    pattern,
    patternText: s.pattern ?? "",
    format: s.format,
    s,
    listType: s["x-kubernetes-list-type"],
    listKeys: s["x-kubernetes-list-map-keys"],
    rules: s["x-kubernetes-validations"],
  };
  compiled.set(s, c);
  return c;
}

/** Collected while walking one document. */
export interface WalkState {
  issues: ValidationIssue[];
  /** CEL evaluation errors (not rule failures): reported only when nothing else is wrong. */
  celErrors: ValidationIssue[];
}

const SIMPLE_KEY = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;
const fieldPath = (base: string, key: string): string => (base === "" ? key : `${base}.${key}`);
const mapKeyPath = (base: string, key: string): string => `${base}[${key}]`;

function typeName(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  if (typeof v === "bigint") return "integer";
  return typeof v;
}

/**
 * Validates `value` at `path` against a CRD structural schema node, appending to `st`.
 *
 * @example
 * ```ts
 * const st = { issues: [], celErrors: [] };
 * walkSchema({ type: "object", properties: { a: { type: "string" } } }, { b: 1 }, "spec", st);
 * st.issues; // [{ path: "spec.b", message: "unknown field" }]
 * ```
 */
export function walkSchema(schema: CrdSchema, value: unknown, path: string, st: WalkState): void {
  const c = compile(schema);
  if (value === null) {
    if (!c.nullable && (c.type !== undefined || c.intOrString)) {
      st.issues.push({ path, message: `must be of type ${c.intOrString ? "integer or string" : c.type}, got null` });
    }
    return;
  }
  if (c.intOrString) {
    if (
      !(
        typeof value === "string" ||
        typeof value === "bigint" ||
        (typeof value === "number" && Number.isInteger(value))
      )
    ) {
      st.issues.push({ path, message: `must be an integer or a string, got ${typeName(value)}` });
      return;
    }
  } else if (c.type !== undefined && !typeMatches(c.type, value)) {
    st.issues.push({ path, message: `must be of type ${c.type}, got ${typeName(value)}` });
    return;
  }
  if (c.enumSet && !c.enumSet.has(value)) st.issues.push({ path, message: `must be one of: ${c.enumText}` });
  if (typeof value === "string") checkString(c, value, path, st);
  else if (typeof value === "number" || typeof value === "bigint") checkNumber(c, value, path, st);
  else if (Array.isArray(value)) checkArray(c, value, path, st);
  else if (typeof value === "object") checkObject(c, value as Record<string, unknown>, path, st);
  if (c.rules) runRules(c.rules, value, path, st);
}

function typeMatches(t: JsonType, v: unknown): boolean {
  switch (t) {
    case "object":
      return typeof v === "object" && v !== null && !Array.isArray(v);
    case "array":
      return Array.isArray(v);
    case "string":
      return typeof v === "string";
    case "integer":
      // A BigInt is an integer past 2^53 read exactly from YAML.
      return (typeof v === "number" && Number.isInteger(v)) || typeof v === "bigint";
    case "number":
      return typeof v === "number" || typeof v === "bigint";
    case "boolean":
      return typeof v === "boolean";
  }
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

function checkString(c: Compiled, v: string, path: string, st: WalkState): void {
  const s = c.s;
  if (s.maxLength !== undefined || s.minLength !== undefined) {
    const len = [...v].length;
    if (s.maxLength !== undefined && len > s.maxLength)
      st.issues.push({ path, message: `must be at most ${s.maxLength} characters long` });
    if (s.minLength !== undefined && len < s.minLength)
      st.issues.push({ path, message: `must be at least ${s.minLength} characters long` });
  }
  if (c.pattern && !c.pattern.test(v)) st.issues.push({ path, message: `must match pattern ${c.patternText}` });
  if (c.format === "byte" && !BASE64.test(v)) st.issues.push({ path, message: "must be base64-encoded (format byte)" });
  if (c.format === "date-time" && !DATE_TIME.test(v))
    st.issues.push({ path, message: "must be an RFC 3339 date-time" });
}

function checkNumber(c: Compiled, v: number | bigint, path: string, st: WalkState): void {
  const s = c.s;
  if (s.minimum !== undefined && (s.exclusiveMinimum ? v <= s.minimum : v < s.minimum)) {
    st.issues.push({ path, message: `must be greater than ${s.exclusiveMinimum ? "" : "or equal to "}${s.minimum}` });
  }
  if (s.maximum !== undefined && (s.exclusiveMaximum ? v >= s.maximum : v > s.maximum)) {
    st.issues.push({ path, message: `must be less than ${s.exclusiveMaximum ? "" : "or equal to "}${s.maximum}` });
  }
}

function checkArray(c: Compiled, v: unknown[], path: string, st: WalkState): void {
  const s = c.s;
  if (s.maxItems !== undefined && v.length > s.maxItems)
    st.issues.push({ path, message: `must have at most ${s.maxItems} items` });
  if (s.minItems !== undefined && v.length < s.minItems)
    st.issues.push({ path, message: `must have at least ${s.minItems} items` });
  if (c.items) for (let i = 0; i < v.length; i++) walkSchema(c.items, v[i], `${path}[${i}]`, st);
  if (c.listType === "set" || s.uniqueItems) checkUnique(v, (x) => stringifyJson(x), path, st, "");
  else if (c.listType === "map" && c.listKeys && c.items) {
    const keys = c.listKeys;
    const defaults = keys.map((k) => c.items?.properties?.[k]?.default);
    checkUnique(
      v,
      (x) => {
        const o = (x ?? {}) as Record<string, unknown>;
        return stringifyJson(keys.map((k, j) => o[k] ?? defaults[j]));
      },
      path,
      st,
      keys.join(","),
    );
  }
}

function checkUnique(v: unknown[], key: (x: unknown) => string, path: string, st: WalkState, what: string): void {
  const seen = new Set<string>();
  for (let i = 0; i < v.length; i++) {
    const k = key(v[i]);
    if (seen.has(k))
      st.issues.push({ path: `${path}[${i}]`, message: `duplicate entry${what ? ` (same ${what})` : ""}: ${k}` });
    seen.add(k);
  }
}

function checkObject(c: Compiled, v: Record<string, unknown>, path: string, st: WalkState): void {
  const s = c.s;
  const n = Object.keys(v).length;
  if (s.maxProperties !== undefined && n > s.maxProperties)
    st.issues.push({ path, message: `must have at most ${s.maxProperties} properties` });
  if (s.minProperties !== undefined && n < s.minProperties)
    st.issues.push({ path, message: `must have at least ${s.minProperties} properties` });
  const props = c.props;
  for (const key in v) {
    const x = v[key];
    const ps = props?.get(key);
    if (ps) {
      if (x === null && !compile(ps).nullable) continue; // pruned by the API server
      walkSchema(ps, x, SIMPLE_KEY.test(key) ? fieldPath(path, key) : mapKeyPath(path, JSON.stringify(key)), st);
    } else if (c.additional) {
      if (x === null && !compile(c.additional).nullable) continue;
      walkSchema(c.additional, x, mapKeyPath(path, key), st);
    } else if (c.preserve || c.anyAdditional) {
      // kept as is
    } else if (c.embedded && (key === "apiVersion" || key === "kind" || key === "metadata")) {
      // embedded resources carry their own type meta and object meta
    } else if (props || c.type === "object") {
      st.issues.push({
        path: SIMPLE_KEY.test(key) ? fieldPath(path, key) : mapKeyPath(path, JSON.stringify(key)),
        message: "unknown field",
      });
    }
  }
  for (const r of c.required) {
    const x = v[r];
    if (x === undefined || (x === null && props?.get(r) && !compile(props.get(r) as CrdSchema).nullable)) {
      if (props?.get(r)?.default !== undefined) continue; // defaulted before validation
      st.issues.push({ path: fieldPath(path, r), message: "required field missing" });
    }
  }
}

// The API server runs CEL on the object after pruning non-nullable nulls, so `has(self.x)` is false for
// `x: null`. Rules here look at `self`'s fields or its items' fields: prune those two levels.
function withoutNulls(o: Record<string, unknown>): Record<string, unknown> {
  for (const k in o) {
    if (o[k] === null) {
      const copy: Record<string, unknown> = {};
      for (const j in o) if (o[j] !== null) copy[j] = o[j];
      return copy;
    }
  }
  return o;
}

function celView(value: unknown): unknown {
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const x = value[i];
      if (typeof x !== "object" || x === null || Array.isArray(x)) continue;
      const y = withoutNulls(x as Record<string, unknown>);
      if (y !== x) (out ??= value.slice())[i] = y;
    }
    return out ?? value;
  }
  if (typeof value === "object" && value !== null) return withoutNulls(value as Record<string, unknown>);
  return value;
}

function runRules(rules: CelRule[], raw: unknown, path: string, st: WalkState): void {
  const value = celView(raw);
  for (const rule of rules) {
    const out = evalCelRule(rule, value);
    if ("error" in out) st.celErrors.push({ path, message: out.error });
    else if (!out.ok) {
      const p = out.fieldPath
        ? path + (out.fieldPath.startsWith(".") || out.fieldPath.startsWith("[") ? out.fieldPath : `.${out.fieldPath}`)
        : path;
      st.issues.push({ path: p, message: out.message });
    }
  }
}
