/**
 * Typed values <-> Argo's strings, the way wfc's generated scripts pass them: a string is passed
 * as it is, anything else as JSON (`3`, `true`, `["a","b"]`). Decoding goes by the declared zod
 * schema, and the schema has the last word (its defaults and transforms apply).
 */
import type { SchemaLike } from "./introspect.js";

interface Def {
  readonly type?: string;
  readonly innerType?: { readonly def?: Def; readonly _zod?: { readonly def?: Def } };
}

function defOf(schema: unknown): Def | undefined {
  const s = schema as { readonly def?: Def; readonly _zod?: { readonly def?: Def } } | undefined;
  return s?.def ?? s?._zod?.def;
}

/** The zod type under `default`/`optional`/`nullable`/`readonly` wrappers, e.g. `number`. */
export function baseType(schema: SchemaLike | undefined): string | undefined {
  let def = defOf(schema);
  for (let i = 0; def && i < 20; i++) {
    if (
      !def.type ||
      !["default", "optional", "nullable", "readonly", "prefault", "catch"].includes(def.type) ||
      !def.innerType
    )
      return def.type;
    def = defOf(def.innerType);
  }
  return def?.type;
}

/** A typed value as Argo's string: strings as they are, everything else as JSON. */
export function encodeValue(value: unknown): string {
  return typeof value === "string" ? value : (JSON.stringify(value) ?? "");
}

/** The outcome of decoding: the typed value, or why it does not fit. */
export type Decoded = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly why: string };

const STRINGY = new Set(["string", "enum", "literal", "template_literal"]);

/**
 * Decodes an Argo string into the value its schema declares. Without a schema, JSON when the text
 * is JSON, else the text.
 */
export function decodeValue(text: string, schema: SchemaLike | undefined): Decoded {
  const candidates: unknown[] = [];
  const type = baseType(schema);
  const json = (): unknown => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return undefined;
    }
  };
  if (!schema) {
    const j = json();
    return { ok: true, value: j === undefined ? text : j };
  }
  if (type && STRINGY.has(type)) candidates.push(text);
  else if (type === "number" || type === "int") candidates.push(text.trim() === "" ? Number.NaN : Number(text));
  else if (type === "boolean") candidates.push(text === "true" ? true : text === "false" ? false : text);
  const j = json();
  if (j !== undefined) candidates.push(j);
  candidates.push(text);
  let why = "";
  for (const c of candidates) {
    const r = schema.safeParse(c);
    if (r.success) return { ok: true, value: r.data };
    why ||= (r.error?.issues ?? []).map((i) => i.message).join("; ");
  }
  return { ok: false, why: why || "does not match its schema" };
}

/** Checks a typed value against its schema before it is encoded (a mock's outputs). */
export function checkValue(value: unknown, schema: SchemaLike | undefined): Decoded {
  if (!schema) return { ok: true, value };
  const r = schema.safeParse(value);
  return r.success
    ? { ok: true, value: r.data }
    : { ok: false, why: (r.error?.issues ?? []).map((i) => i.message).join("; ") || "does not match its schema" };
}
