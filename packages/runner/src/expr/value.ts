/**
 * The value model of expressions, as Go and expr-lang see values: `null` is Go's `nil`, a
 * `bigint` is an `int` (64-bit, wrapping), a `number` is a `float64`, strings, booleans, arrays
 * (`[]interface {}`), plain objects (`map[string]interface {}`), functions, and {@link GoTime} /
 * {@link GoDuration} for expr-lang's dates. Also Go's `%v`, `%T` and `encoding/json` renderings,
 * which Argo uses to turn expression results into text.
 */

import { GoPanic } from "./panic.js";
import { zoneAbbrev, zoneOffsetMs } from "./zone.js";

/** A Go `time.Time` (milliseconds since the epoch; Go's nanoseconds are not kept). */
export class GoTime {
  /** `ms`: the instant (Unix ms); `zone`: its location's IANA name (undefined: UTC). */
  constructor(
    readonly ms: number,
    readonly zone?: string,
  ) {}
}

/** A Go `*time.Location` (expr-lang's `timezone(name)`); `name` undefined is UTC. */
export class GoLocation {
  constructor(readonly name: string | undefined) {}
}

/** A Go `time.Duration`, in nanoseconds. */
export class GoDuration {
  constructor(readonly ns: bigint) {}
}

/**
 * A Go struct value a library function returns (sprig's `*semver.Version`): expressions call its
 * methods (`v.Major()`), `%v` prints its `String()`, `encoding/json` its `MarshalJSON`.
 */
export abstract class GoObject {
  /** Go's `%T`, e.g. `*semver.Version`. */
  abstract readonly goType: string;
  /** The method `name` of its method set, or undefined. */
  abstract goMethod(name: string): GoFunc | undefined;
  /** Go's `%v`. */
  abstract formatV(): string;
  /** Go's `json.Marshal`. */
  abstract marshalJSON(): string;
  /** `reflect.DeepEqual` with another value. */
  abstract deepEqual(o: unknown): boolean;
}

/** A callable value: an expr-lang builtin, an Argo function or a sprig function. */
export type GoFunc = (args: readonly unknown[]) => unknown;

export type GoMap = Record<string, unknown>;

const MIN_INT = -(2n ** 63n);
const MAX_INT = 2n ** 63n - 1n;

/** Wraps a bigint to Go's 64-bit `int`. */
export function wrapInt(v: bigint): bigint {
  return v >= MIN_INT && v <= MAX_INT ? v : BigInt.asIntN(64, v);
}

export function isNil(v: unknown): v is null | undefined {
  return v === null || v === undefined;
}

export function isMap(v: unknown): v is GoMap {
  return (
    typeof v === "object" &&
    v !== null &&
    !Array.isArray(v) &&
    !(v instanceof GoTime) &&
    !(v instanceof GoDuration) &&
    !(v instanceof GoLocation) &&
    !(v instanceof GoObject)
  );
}

export function isNumber(v: unknown): v is bigint | number {
  return typeof v === "bigint" || typeof v === "number";
}

export function hasKey(m: GoMap, k: string): boolean {
  return Object.hasOwn(m, k);
}

/** Go's `%T` of a value. */
export function goTypeName(v: unknown): string {
  if (isNil(v)) return "<nil>";
  switch (typeof v) {
    case "bigint":
      return "int";
    case "number":
      return "float64";
    case "string":
      return "string";
    case "boolean":
      return "bool";
    case "function":
      return "func(...interface {}) (interface {}, error)";
  }
  if (Array.isArray(v)) return "[]interface {}";
  if (v instanceof GoTime) return "time.Time";
  if (v instanceof GoDuration) return "time.Duration";
  if (v instanceof GoObject) return v.goType;
  return "map[string]interface {}";
}

/** Go's `strconv.FormatFloat(f, 'g', -1, 64)` as used by `%v`: exponent when exp < -4 || exp >= 6 (`1e+06`). */
export function formatFloatG(f: number): string {
  if (Number.isNaN(f)) return "NaN";
  if (f === Infinity) return "+Inf";
  if (f === -Infinity) return "-Inf";
  if (f === 0) return Object.is(f, -0) ? "-0" : "0";
  const [mant, expStr] = f.toExponential().split("e") as [string, string];
  const exp = Number(expStr);
  if (exp < -4 || exp >= 6) {
    const sign = exp < 0 ? "-" : "+";
    const abs = Math.abs(exp);
    return `${mant}e${sign}${abs < 10 ? "0" : ""}${abs}`;
  }
  return f.toString().includes("e") ? fixedFromExponential(f) : f.toString();
}

function fixedFromExponential(f: number): string {
  // Number#toString switches to exponent notation below 1e-6; Go's %v does below 1e-4 only.
  const neg = f < 0;
  const [mant, expStr] = Math.abs(f).toExponential().split("e") as [string, string];
  const exp = Number(expStr);
  const digits = mant.replace(".", "");
  let s: string;
  if (exp < 0) s = `0.${"0".repeat(-exp - 1)}${digits}`;
  else {
    const frac = digits.slice(exp + 1);
    s = digits.slice(0, exp + 1).padEnd(exp + 1, "0") + (frac ? `.${frac}` : "");
  }
  return neg ? `-${s}` : s;
}

/** Go's `%v` for float64 (Argo's AnyString of an expression result). */
export function formatFloatV(f: number): string {
  // %v is %g with the shortest precision: fmt.Println(1e6) prints 1e+06.
  return formatFloatG(f);
}

/** Go's `fmt.Sprintf("%v", v)`. */
export function formatGo(v: unknown): string {
  if (isNil(v)) return "<nil>";
  switch (typeof v) {
    case "string":
      return v;
    case "bigint":
      return v.toString();
    case "number":
      return formatFloatV(v);
    case "boolean":
      return v ? "true" : "false";
    case "function":
      return "0x0";
  }
  if (Array.isArray(v)) return `[${v.map(formatGo).join(" ")}]`;
  if (v instanceof GoTime) return formatTimeDefault(v);
  if (v instanceof GoLocation) return v.name ?? "UTC";
  if (v instanceof GoDuration) return formatDuration(v);
  if (v instanceof GoObject) return v.formatV();
  const m = v as GoMap;
  return `map[${Object.keys(m)
    .sort()
    .map((k) => `${k}:${formatGo(m[k])}`)
    .join(" ")}]`;
}

function formatTimeDefault(t: GoTime): string {
  // Go: "2006-01-02 15:04:05.999999999 -0700 MST", in the time's location (UTC by default).
  const off = zoneOffsetMs(t.zone, t.ms);
  const d = new Date(t.ms + off);
  const p = (n: number, w = 2) => String(n).padStart(w, "0");
  const frac = d.getUTCMilliseconds() ? `.${p(d.getUTCMilliseconds(), 3).replace(/0+$/, "")}` : "";
  const m = Math.abs(off / 60000);
  const sign = off < 0 ? "-" : "+";
  return `${p(d.getUTCFullYear(), 4)}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}${frac} ${sign}${p(Math.floor(m / 60))}${p(m % 60)} ${zoneAbbrev(t.zone, t.ms)}`;
}

/** Go's `time.Duration.String()`, e.g. `1h2m3.5s`. */
export function formatDuration(d: GoDuration): string {
  let ns = d.ns;
  if (ns === 0n) return "0s";
  const neg = ns < 0n;
  if (neg) ns = -ns;
  let out: string;
  if (ns < 1000n) out = `${ns}ns`;
  else if (ns < 1000000n) out = `${trimFrac(Number(ns) / 1e3)}µs`;
  else if (ns < 1000000000n) out = `${trimFrac(Number(ns) / 1e6)}ms`;
  else {
    const h = ns / 3600000000000n;
    const m = (ns / 60000000000n) % 60n;
    const s = Number(ns % 60000000000n) / 1e9;
    out = `${h > 0n ? `${h}h` : ""}${h > 0n || m > 0n ? `${m}m` : ""}${trimFrac(s)}s`;
  }
  return neg ? `-${out}` : out;
}

function trimFrac(n: number): string {
  return String(Number(n.toFixed(9)));
}

/** Go's `encoding/json` float64 formatting. */
export function jsonFloat(f: number): string {
  if (!Number.isFinite(f)) throw new GoPanic(`json: unsupported value: ${formatFloatG(f)}`);
  const abs = Math.abs(f);
  if (abs !== 0 && (abs < 1e-6 || abs >= 1e21)) {
    // Go: 'e' format, with a two-digit exponent shortened ("e-07" -> "e-7").
    const [mant, expStr] = f.toExponential().split("e") as [string, string];
    const exp = Number(expStr);
    return `${mant}e${exp < 0 ? "-" : "+"}${Math.abs(exp)}`;
  }
  return Object.is(f, -0) ? "-0" : fixedFromExponential(f);
}

const htmlEscapes: Record<string, string> = {
  "<": "\\u003c",
  ">": "\\u003e",
  "&": "\\u0026",
  "\u2028": "\\u2028",
  "\u2029": "\\u2029",
};

/** Go's `json.Marshal` of a string (HTML-safe escaping, as Go does by default). */
export function jsonString(s: string, escapeHTML = true): string {
  const j = JSON.stringify(s);
  return escapeHTML
    ? j.replace(/[<>&\u2028\u2029]/g, (c) => htmlEscapes[c] ?? c)
    : j.replace(/[\u2028\u2029]/g, (c) => htmlEscapes[c] ?? c);
}

/** Go's `json.Marshal(v)` (maps with sorted keys, HTML escaping); `indent` as `MarshalIndent(v, "", indent)`. */
export function goJSON(v: unknown, indent = "", escapeHTML = true): string {
  return marshal(v, indent, "", escapeHTML);
}

function marshal(v: unknown, indent: string, cur: string, esc: boolean): string {
  if (isNil(v)) return "null";
  switch (typeof v) {
    case "string":
      return jsonString(v, esc);
    case "bigint":
      return v.toString();
    case "number":
      return jsonFloat(v);
    case "boolean":
      return v ? "true" : "false";
    case "function":
      throw new GoPanic("json: unsupported type: func(...interface {}) (interface {}, error)");
  }
  if (v instanceof GoTime) return JSON.stringify(new Date(v.ms).toISOString().replace(".000Z", "Z"));
  if (v instanceof GoDuration) return v.ns.toString();
  if (v instanceof GoObject) return v.marshalJSON();
  const next = cur + indent;
  const nl = indent ? `\n${next}` : "";
  const end = indent ? `\n${cur}` : "";
  const colon = indent ? ": " : ":";
  if (Array.isArray(v)) {
    if (v.length === 0) return "[]";
    return `[${nl}${v.map((x) => marshal(x, indent, next, esc)).join(`,${nl}`)}${end}]`;
  }
  const m = v as GoMap;
  const keys = Object.keys(m)
    .filter((k) => m[k] !== undefined)
    .sort();
  if (keys.length === 0) return "{}";
  return `{${nl}${keys.map((k) => `${jsonString(k, esc)}${colon}${marshal(m[k], indent, next, esc)}`).join(`,${nl}`)}${end}}`;
}

/** Go's `json.Unmarshal` into `interface{}`: numbers become float64 (JS numbers), objects maps. */
export function goFromJSON(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new GoPanic(goJSONSyntaxError(text, e));
  }
}

function goJSONSyntaxError(text: string, e: unknown): string {
  if (text.trim() === "") return "unexpected end of JSON input";
  const m = /position (\d+)/.exec(String((e as Error).message));
  if (m) {
    const ch = text[Number(m[1])];
    if (ch !== undefined) return `invalid character '${ch}' looking for beginning of value`;
  }
  return "unexpected end of JSON input";
}

/** Converts an evaluation result to plain JavaScript (ints become numbers when safe). */
export function toJS(v: unknown): unknown {
  if (typeof v === "bigint")
    return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
  if (v === undefined) return null;
  if (Array.isArray(v)) return v.map(toJS);
  if (v instanceof GoTime) return new Date(v.ms);
  if (v instanceof GoDuration) return Number(v.ns) / 1e6;
  if (v instanceof GoObject) return v.formatV();
  if (isMap(v)) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) out[k] = toJS(v[k]);
    return out;
  }
  return v;
}

/** expr-lang's `runtime.Equal`. */
export function goEqual(a: unknown, b: unknown): boolean {
  if (isNumber(a) && isNumber(b)) {
    if (typeof a === "bigint" && typeof b === "bigint") return a === b;
    return Number(a) === Number(b);
  }
  if (typeof a === "string" || typeof b === "string") return a === b;
  if (typeof a === "boolean" || typeof b === "boolean") return a === b;
  if (isNil(a) || isNil(b)) return isNil(a) && isNil(b);
  if (a instanceof GoTime && b instanceof GoTime) return a.ms === b.ms;
  if (a instanceof GoDuration && b instanceof GoDuration) return a.ns === b.ns;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => goEqual(x, b[i]));
  return deepEqual(a, b);
}

/** Go's `reflect.DeepEqual` on the value model (types must match exactly). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (isNil(a) || isNil(b)) return isNil(a) && isNil(b);
  if (typeof a !== typeof b) return false;
  if (typeof a !== "object") return a === b;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (a instanceof GoTime) return b instanceof GoTime && a.ms === b.ms;
  if (a instanceof GoDuration) return b instanceof GoDuration && a.ns === b.ns;
  if (a instanceof GoObject) return a.deepEqual(b);
  if (b instanceof GoObject) return false;
  if (!isMap(b) || Array.isArray(b)) return false;
  const ka = Object.keys(a as GoMap);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => hasKey(b, k) && deepEqual((a as GoMap)[k], b[k]));
}

/** Go's `strconv.Atoi` (base 10, optional sign, no spaces). */
export function atoi(s: string): bigint | undefined {
  if (!/^[+-]?\d+$/.test(s)) return undefined;
  const v = BigInt(s);
  return v >= MIN_INT && v <= MAX_INT ? v : undefined;
}

/** Go's `strconv.ParseFloat(s, 64)`. */
export function parseGoFloat(s: string): number | undefined {
  const t = s.replace(/_/g, (m, i: number) =>
    i > 0 && /\d/.test(s[i - 1] ?? "") && /\d/.test(s[i + 1] ?? "") ? "" : m,
  );
  if (/^[+-]?(inf|infinity)$/i.test(t)) return t.startsWith("-") ? -Infinity : Infinity;
  if (/^nan$/i.test(t)) return NaN;
  if (/^[+-]?0x[0-9a-f]*(\.[0-9a-f]*)?(p[+-]?\d+)?$/i.test(t)) return undefined;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return undefined;
  return Number(t);
}
