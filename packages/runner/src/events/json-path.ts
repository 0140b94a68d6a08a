/**
 * The path syntax Argo Events reads event data with (tidwall/gjson) and writes trigger
 * parameters with (tidwall/sjson): dot-separated keys, `\.` for a literal dot, a number for an
 * array index, `#` for an array's length (or `a.#.b` for every element's `b`), `*` and `?`
 * wildcards in keys. Values are parsed JSON; results carry gjson's string forms.
 */

/** What gjson found at a path: whether it exists, the value, and its gjson type. */
export interface PathResult {
  readonly exists: boolean;
  readonly value: unknown;
}

/** Splits a gjson path into its components (`\.` escapes a dot, `\*` a wildcard). */
export function splitPath(path: string): string[] {
  const out: string[] = [];
  let cur = "";
  for (let i = 0; i < path.length; i++) {
    const c = path[i];
    if (c === "\\" && i + 1 < path.length) {
      cur += `\\${path[++i]}`;
      continue;
    }
    if (c === ".") {
      out.push(cur);
      cur = "";
      continue;
    }
    cur += c;
  }
  out.push(cur);
  return out;
}

const unescapeKey = (k: string): string => k.replace(/\\(.)/g, "$1");
const isWild = (k: string): boolean => /(^|[^\\])[*?]/.test(k);

function wildMatch(pattern: string, key: string): boolean {
  let re = "^";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] ?? "";
    if (c === "\\" && i + 1 < pattern.length) re += (pattern[++i] ?? "").replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    else if (c === "*") re += ".*";
    else if (c === "?") re += ".";
    else re += c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`${re}$`, "s").test(key);
}

function step(value: unknown, key: string): PathResult {
  if (Array.isArray(value)) {
    if (key === "#") return { exists: true, value: value.length };
    if (/^\d+$/.test(key)) {
      const i = Number(key);
      return i < value.length ? { exists: true, value: value[i] } : { exists: false, value: undefined };
    }
    return { exists: false, value: undefined };
  }
  if (value !== null && typeof value === "object") {
    const obj = value as Record<string, unknown>;
    if (isWild(key)) {
      const k = Object.keys(obj).find((name) => wildMatch(key, name));
      return k === undefined ? { exists: false, value: undefined } : { exists: true, value: obj[k] };
    }
    const k = unescapeKey(key);
    return Object.hasOwn(obj, k) ? { exists: true, value: obj[k] } : { exists: false, value: undefined };
  }
  return { exists: false, value: undefined };
}

/**
 * Reads `path` out of a JSON value, as `gjson.Get` does.
 *
 * @example
 * ```ts
 * getPath({ body: { items: [{ id: 1 }, { id: 2 }] } }, "body.items.#.id"); // { exists: true, value: [1, 2] }
 * ```
 */
export function getPath(root: unknown, path: string): PathResult {
  const keys = splitPath(path);
  let cur: PathResult = { exists: true, value: root };
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] ?? "";
    if (key === "#" && Array.isArray(cur.value) && i < keys.length - 1) {
      const rest = keys.slice(i + 1).join(".");
      const values = cur.value.map((v) => getPath(v, rest)).filter((r) => r.exists);
      return { exists: true, value: values.map((r) => r.value) };
    }
    cur = step(cur.value, key);
    if (!cur.exists) return cur;
  }
  return cur;
}

/** A JSON number as Go's strconv.FormatFloat(f, 'f', -1, 64) prints it (gjson's String of a number it parsed). */
export function formatNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return n.toFixed(0);
  return String(n);
}

/**
 * gjson's `Result.String()`: strings as they are, numbers and booleans in their JSON form, `null`
 * and missing as "", objects and arrays as JSON text.
 *
 * @example
 * ```ts
 * gjsonString({ a: 1 }); // '{"a":1}'
 * ```
 */
export function gjsonString(v: unknown): string {
  if (v === undefined || v === null) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number") return formatNumber(v);
  if (typeof v === "boolean") return v ? "true" : "false";
  return JSON.stringify(v);
}

/** gjson's `Result.Float()`: numbers, numeric strings, booleans as 1/0; anything else 0. */
export function gjsonFloat(v: unknown): number {
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "string") {
    const n = Number.parseFloat(v);
    return Number.isNaN(n) ? 0 : n;
  }
  return 0;
}

/** gjson's `Result.Bool()`: true, a true-ish string (strconv.ParseBool), a non-zero number. */
export function gjsonBool(v: unknown): boolean {
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  if (typeof v === "string") return ["1", "t", "T", "TRUE", "true", "True"].includes(v);
  return false;
}

/**
 * Writes `value` at `path` in a copy of `root`, as `sjson.Set` does: missing objects are
 * created, a number indexes (or extends) an array, `-1` appends.
 *
 * @example
 * ```ts
 * setPath({ spec: { arguments: { parameters: [{ name: "a", value: "" }] } } }, "spec.arguments.parameters.0.value", "x");
 * ```
 */
export function setPath(root: unknown, path: string, value: unknown): unknown {
  const keys = splitPath(path).map(unescapeKey);
  const put = (node: unknown, i: number): unknown => {
    const key = keys[i] ?? "";
    const last = i === keys.length - 1;
    if (Array.isArray(node) && (/^\d+$/.test(key) || key === "-1")) {
      const copy = [...node];
      const idx = key === "-1" ? copy.length : Number(key);
      while (copy.length < idx) copy.push(null);
      copy[idx] = last ? value : put(copy[idx], i + 1);
      return copy;
    }
    const obj: Record<string, unknown> =
      node !== null && typeof node === "object" && !Array.isArray(node) ? { ...(node as Record<string, unknown>) } : {};
    obj[key] = last ? value : put(obj[key], i + 1);
    return obj;
  };
  return put(root, 0);
}
