/**
 * The Sprig functions (Masterminds/sprig v3 `GenericFuncMap`) Argo exposes as `sprig.*`, called
 * the way expr-lang calls Go functions: by reflection, so a Go `string` parameter given an int
 * fails with `reflect: Call using int as type string`, and a nil argument becomes the zero value.
 */

import { createHash, randomUUID } from "node:crypto";
import { splitN, trimSpace } from "./builtins.js";
import { goRegExp } from "./compile.js";
import { panic } from "./ops.js";
import { sprigMore } from "./sprig-more.js";
import { formatLayout, parseLayout } from "./time.js";
import {
  deepEqual,
  formatGo,
  type GoFunc,
  type GoMap,
  GoTime,
  goFromJSON,
  goJSON,
  goTypeName,
  isMap,
  isNil,
  parseGoFloat,
} from "./value.js";
import { loadLocation } from "./zone.js";

/** Parameter kinds: `s` string, `i` int, `b` bool, `m` map[string]interface{}, `a` interface{}. */
type Kind = "s" | "i" | "b" | "m" | "a";

const T = goTypeName;
const goKind: Record<Kind, string> = {
  s: "string",
  i: "int",
  b: "bool",
  m: "map[string]interface {}",
  a: "interface {}",
};

function conv(k: Kind, v: unknown): unknown {
  switch (k) {
    case "a":
      return v;
    case "s":
      if (isNil(v)) return "";
      if (typeof v === "string") return v;
      break;
    case "i":
      if (isNil(v)) return 0n;
      if (typeof v === "bigint") return v;
      break;
    case "b":
      if (isNil(v)) return false;
      if (typeof v === "boolean") return v;
      break;
    case "m":
      if (isNil(v)) return {};
      if (isMap(v)) return v;
      break;
  }
  return panic(`reflect: Call using ${T(v)} as type ${goKind[k]}`);
}

function def(params: readonly Kind[], variadic: Kind | undefined, f: (...args: never[]) => unknown): GoFunc {
  return (args) => {
    if (variadic === undefined && args.length !== params.length)
      panic(`invalid number of arguments: expected ${params.length}, got ${args.length}`);
    if (variadic !== undefined && args.length < params.length)
      panic(`invalid number of arguments: expected at least ${params.length}, got ${args.length}`);
    const conv2 = args.map((a, i) => conv(i < params.length ? (params[i] as Kind) : (variadic as Kind), a));
    return (f as (...a: unknown[]) => unknown)(...conv2);
  };
}

/** spf13/cast's `ToInt64`: lenient, 0 on failure. */
export function castInt(v: unknown): bigint {
  if (typeof v === "bigint") return v;
  if (typeof v === "number") return Number.isFinite(v) ? BigInt(Math.trunc(v)) : 0n;
  if (typeof v === "boolean") return v ? 1n : 0n;
  if (typeof v === "string") {
    const s = trimZeroDecimal(v);
    const m = /^([+-]?)(0[xX][0-9a-fA-F_]+|0[oO]?[0-7_]+|0[bB][01_]+|[1-9][0-9_]*|0)$/.exec(s);
    if (!m) return 0n;
    let body = (m[2] as string).replace(/_/g, "");
    if (/^0[0-7]+$/.test(body)) body = `0o${body.slice(1)}`;
    try {
      const n = BigInt(body);
      return m[1] === "-" ? -n : n;
    } catch {
      return 0n;
    }
  }
  return 0n;
}

function trimZeroDecimal(s: string): string {
  let foundZero = false;
  for (let i = s.length; i > 0; i--) {
    const c = s[i - 1];
    if (c === ".") return foundZero ? s.slice(0, i - 1) : s;
    if (c === "0") foundZero = true;
    else return s;
  }
  return s;
}

/** spf13/cast's `ToFloat64`. */
export function castFloat(v: unknown): number {
  if (typeof v === "number") return v;
  if (typeof v === "bigint") return Number(v);
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "string") return parseGoFloat(v) ?? 0;
  return 0;
}

function strval(v: unknown): string {
  return typeof v === "string" ? v : formatGo(v);
}

/** Sprig's `empty`. */
export function empty(v: unknown): boolean {
  if (isNil(v)) return true;
  if (typeof v === "string") return v.length === 0;
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === "boolean") return !v;
  if (typeof v === "bigint") return v === 0n;
  if (typeof v === "number") return v === 0;
  if (isMap(v)) return Object.keys(v).length === 0;
  return false;
}

function strslice(v: unknown): string[] {
  if (Array.isArray(v)) return v.filter((x) => !isNil(x)).map(strval);
  if (isNil(v)) return [];
  return [strval(v)];
}

function goQuoteQ(s: string): string {
  // fmt's %q: a Go double-quoted string literal.
  return `"${Array.from(s)
    .map((c) => {
      if (c === '"') return '\\"';
      if (c === "\\") return "\\\\";
      const cp = c.codePointAt(0) as number;
      if (c === "\n") return "\\n";
      if (c === "\t") return "\\t";
      if (c === "\r") return "\\r";
      if (cp < 0x20 || cp === 0x7f) return `\\x${cp.toString(16).padStart(2, "0")}`;
      return c;
    })
    .join("")}"`;
}

function bytes(s: string): Buffer {
  return Buffer.from(s, "utf8");
}

function untilStep(start: bigint, stop: bigint, step: bigint): bigint[] {
  const v: bigint[] = [];
  if (stop < start) {
    if (step >= 0n) return v;
    for (let i = start; i > stop; i += step) v.push(i);
    return v;
  }
  if (step <= 0n) return v;
  for (let i = start; i < stop; i += step) v.push(i);
  return v;
}

function toTime(v: unknown): GoTime {
  if (v instanceof GoTime) return v;
  if (typeof v === "bigint") return new GoTime(Number(v) * 1000);
  // Sprig's dateInZone: anything else (a string, too) means now.
  return new GoTime(Date.now());
}

/** Sprig's `dateInZone`: `time.LoadLocation(zone)` (an error falls back to UTC), then `t.In(loc).Format(f)`. */
function inZone(f: string, d: unknown, zone: string): string {
  let loc: string | undefined;
  try {
    loc = loadLocation(zone);
  } catch {
    loc = undefined;
  }
  return formatLayout(new GoTime(toTime(d).ms, loc), f);
}

function words(s: string): string[] {
  return s.split(/[\s_\-.]+|(?<=[a-z0-9])(?=[A-Z])/).filter(Boolean);
}

/** The `sprig` map of Argo's expression env (`env` and `expandenv` removed, as Argo does). */
export const sprig: Readonly<Record<string, GoFunc>> = {
  ...sprigMore,
  hello: def([], undefined, () => "Hello!"),
  // Dates
  date: def(["s", "a"], undefined, (f: string, d: unknown) => formatLayout(toTime(d), f)),
  dateInZone: def(["s", "a", "s"], undefined, (f: string, d: unknown, z: string) => inZone(f, d, z)),
  date_in_zone: def(["s", "a", "s"], undefined, (f: string, d: unknown, z: string) => inZone(f, d, z)),
  htmlDate: def(["a"], undefined, (d: unknown) => formatLayout(toTime(d), "2006-01-02")),
  now: def([], undefined, () => new GoTime(Date.now())),
  unixEpoch: def(["a"], undefined, (d: unknown) => String(Math.floor(toTime(d).ms / 1000))),
  // toDate gives Go's zero time when the layout does not match (mustToDate fails); only the
  // layouts of time.ts are known: 2006-01-02, 15:04:05, 2006-01-02 15:04:05, RFC 3339.
  toDate: def(
    ["s", "s"],
    undefined,
    (layout: string, v: string) => parseLayout(layout, v) ?? new GoTime(-62135596800000),
  ),
  mustToDate: def(
    ["s", "s"],
    undefined,
    (layout: string, v: string) =>
      parseLayout(layout, v) ?? panic(`parsing time ${JSON.stringify(v)} as ${JSON.stringify(layout)}: cannot parse`),
  ),
  uuidv4: def([], undefined, () => randomUUID()),
  // Strings
  trunc: def(["i", "s"], undefined, (c: bigint, s: string) => {
    const b = bytes(s);
    const n = Number(c);
    if (n < 0 && b.length + n > 0) return b.subarray(b.length + n).toString("utf8");
    if (n >= 0 && b.length > n) return b.subarray(0, n).toString("utf8");
    return s;
  }),
  trim: def(["s"], undefined, trimSpace),
  upper: def(["s"], undefined, (s: string) => s.toUpperCase()),
  lower: def(["s"], undefined, (s: string) => s.toLowerCase()),
  title: def(["s"], undefined, (s: string) =>
    s.replace(/(^|[^\p{L}\p{N}_'])(\p{L})/gu, (_m, p: string, c: string) => p + c.toUpperCase()),
  ),
  untitle: def(["s"], undefined, (s: string) =>
    s.replace(/(^|\s)(\p{L})/gu, (_m, p: string, c: string) => p + c.toLowerCase()),
  ),
  substr: def(["i", "i", "s"], undefined, (start: bigint, end: bigint, s: string) => {
    const b = bytes(s);
    if (start < 0n) return b.subarray(0, Number(end)).toString("utf8");
    if (end < 0n || end > BigInt(b.length)) return b.subarray(Number(start)).toString("utf8");
    return b.subarray(Number(start), Number(end)).toString("utf8");
  }),
  repeat: def(["i", "s"], undefined, (n: bigint, s: string) => {
    if (n < 0n) panic("strings: negative Repeat count");
    return s.repeat(Number(n));
  }),
  trimAll: def(["s", "s"], undefined, (a: string, b: string) => trimChars(b, a)),
  trimall: def(["s", "s"], undefined, (a: string, b: string) => trimChars(b, a)),
  trimSuffix: def(["s", "s"], undefined, (a: string, b: string) =>
    a && b.endsWith(a) ? b.slice(0, b.length - a.length) : b,
  ),
  trimPrefix: def(["s", "s"], undefined, (a: string, b: string) => (b.startsWith(a) ? b.slice(a.length) : b)),
  nospace: def(["s"], undefined, (s: string) => s.replace(/\s/gu, "")),
  initials: def(["s"], undefined, (s: string) =>
    s
      .split(/\s+/)
      .filter(Boolean)
      .map((w) => Array.from(w)[0])
      .join(""),
  ),
  swapcase: def(["s"], undefined, (s: string) =>
    Array.from(s)
      .map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase()))
      .join(""),
  ),
  snakecase: def(["s"], undefined, (s: string) =>
    words(s)
      .map((w) => w.toLowerCase())
      .join("_"),
  ),
  kebabcase: def(["s"], undefined, (s: string) =>
    words(s)
      .map((w) => w.toLowerCase())
      .join("-"),
  ),
  camelcase: def(["s"], undefined, (s: string) =>
    words(s)
      .map((w) => (w[0] ?? "").toUpperCase() + w.slice(1))
      .join(""),
  ),
  contains: def(["s", "s"], undefined, (sub: string, s: string) => s.includes(sub)),
  hasPrefix: def(["s", "s"], undefined, (p: string, s: string) => s.startsWith(p)),
  hasSuffix: def(["s", "s"], undefined, (p: string, s: string) => s.endsWith(p)),
  quote: def([], "a", (...xs: unknown[]) =>
    xs
      .filter((x) => !isNil(x))
      .map((x) => goQuoteQ(strval(x)))
      .join(" "),
  ),
  squote: def([], "a", (...xs: unknown[]) =>
    xs
      .filter((x) => !isNil(x))
      .map((x) => `'${formatGo(x)}'`)
      .join(" "),
  ),
  cat: def([], "a", (...xs: unknown[]) =>
    xs
      .filter((x) => !isNil(x))
      .map(formatGo)
      .join(" "),
  ),
  indent: def(["i", "s"], undefined, (n: bigint, s: string) => indent(Number(n), s)),
  nindent: def(["i", "s"], undefined, (n: bigint, s: string) => `\n${indent(Number(n), s)}`),
  replace: def(["s", "s", "s"], undefined, (o: string, n: string, s: string) => s.split(o).join(n)),
  plural: def(["s", "s", "i"], undefined, (one: string, many: string, n: bigint) => (n === 1n ? one : many)),
  sha1sum: def(["s"], undefined, (s: string) => createHash("sha1").update(s).digest("hex")),
  sha256sum: def(["s"], undefined, (s: string) => createHash("sha256").update(s).digest("hex")),
  sha512sum: def(["s"], undefined, (s: string) => createHash("sha512").update(s).digest("hex")),
  toString: def(["a"], undefined, strval),
  atoi: def(["s"], undefined, (s: string) => (/^[+-]?\d+$/.test(s) ? BigInt(s) : 0n)),
  int64: def(["a"], undefined, castInt),
  int: def(["a"], undefined, castInt),
  float64: def(["a"], undefined, castFloat),
  seq: def([], "i", (...ps: bigint[]) => {
    if (ps.length === 0) return "";
    let [start, step, end] = [1n, 1n, 0n];
    if (ps.length === 1) end = ps[0] as bigint;
    else if (ps.length === 2) [start, end] = [ps[0] as bigint, ps[1] as bigint];
    else if (ps.length === 3) [start, step, end] = [ps[0] as bigint, ps[1] as bigint, ps[2] as bigint];
    else return "";
    let inc = 1n;
    if (end < start) {
      inc = -1n;
      if (ps.length === 3 && step > 0n) return "";
    }
    return untilStep(start, end + inc, ps.length === 3 ? step : inc).join(" ");
  }),
  until: def(["i"], undefined, (n: bigint) => untilStep(0n, n, n < 0n ? -1n : 1n)),
  untilStep: def(["i", "i", "i"], undefined, untilStep),
  split: def(["s", "s"], undefined, (sep: string, s: string) =>
    Object.fromEntries((splitN(s, sep, -1) ?? []).map((p, i) => [`_${i}`, p])),
  ),
  splitList: def(["s", "s"], undefined, (sep: string, s: string) => splitN(s, sep, -1)),
  splitn: def(["s", "i", "s"], undefined, (sep: string, n: bigint, s: string) =>
    Object.fromEntries((splitN(s, sep, Number(n)) ?? []).map((p, i) => [`_${i}`, p])),
  ),
  toStrings: def(["a"], undefined, strslice),
  // Arithmetic (ints via spf13/cast; floats)
  add1: def(["a"], undefined, (a: unknown) => castInt(a) + 1n),
  add: def([], "a", (...xs: unknown[]) => xs.reduce<bigint>((s, x) => s + castInt(x), 0n)),
  sub: def(["a", "a"], undefined, (a: unknown, b: unknown) => castInt(a) - castInt(b)),
  div: def(["a", "a"], undefined, (a: unknown, b: unknown) => {
    const d = castInt(b);
    if (d === 0n) panic("runtime error: integer divide by zero");
    return castInt(a) / d;
  }),
  mod: def(["a", "a"], undefined, (a: unknown, b: unknown) => {
    const d = castInt(b);
    if (d === 0n) panic("runtime error: integer divide by zero");
    return castInt(a) % d;
  }),
  mul: def(["a"], "a", (a: unknown, ...xs: unknown[]) => xs.reduce<bigint>((s, x) => s * castInt(x), castInt(a))),
  add1f: def(["a"], undefined, (a: unknown) => castFloat(a) + 1),
  addf: def([], "a", (...xs: unknown[]) => xs.reduce<number>((s, x) => s + castFloat(x), 0)),
  subf: def(["a"], "a", (a: unknown, ...xs: unknown[]) => xs.reduce<number>((s, x) => s - castFloat(x), castFloat(a))),
  mulf: def(["a"], "a", (a: unknown, ...xs: unknown[]) => xs.reduce<number>((s, x) => s * castFloat(x), castFloat(a))),
  divf: def(["a"], "a", (a: unknown, ...xs: unknown[]) => xs.reduce<number>((s, x) => s / castFloat(x), castFloat(a))),
  max: def(["a"], "a", (a: unknown, ...xs: unknown[]) =>
    // biome-ignore lint/complexity/useMathMinMax: bigints (Go int64): Math.max takes numbers only
    xs.reduce<bigint>((m, x) => (castInt(x) > m ? castInt(x) : m), castInt(a)),
  ),
  biggest: def(["a"], "a", (a: unknown, ...xs: unknown[]) =>
    // biome-ignore lint/complexity/useMathMinMax: bigints (Go int64): Math.max takes numbers only
    xs.reduce<bigint>((m, x) => (castInt(x) > m ? castInt(x) : m), castInt(a)),
  ),
  min: def(["a"], "a", (a: unknown, ...xs: unknown[]) =>
    // biome-ignore lint/complexity/useMathMinMax: bigints (Go int64): Math.min takes numbers only
    xs.reduce<bigint>((m, x) => (castInt(x) < m ? castInt(x) : m), castInt(a)),
  ),
  maxf: def(["a"], "a", (a: unknown, ...xs: unknown[]) =>
    xs.reduce<number>((m, x) => Math.max(m, castFloat(x)), castFloat(a)),
  ),
  minf: def(["a"], "a", (a: unknown, ...xs: unknown[]) =>
    xs.reduce<number>((m, x) => Math.min(m, castFloat(x)), castFloat(a)),
  ),
  ceil: def(["a"], undefined, (a: unknown) => Math.ceil(castFloat(a))),
  floor: def(["a"], undefined, (a: unknown) => Math.floor(castFloat(a))),
  round: def(["a", "i"], "a", (a: unknown, p: bigint, ...r: unknown[]) => {
    const rh = r.length > 0 ? castFloat(r[0]) : 0.5;
    const pow = 10 ** Number(p);
    const digit = castFloat(a) * pow;
    const div = digit % 1;
    return (div >= rh ? Math.ceil(digit) : Math.floor(digit)) / pow;
  }),
  // Lists and strings
  join: def(["s", "a"], undefined, (sep: string, v: unknown) => strslice(v).join(sep)),
  sortAlpha: def(["a"], undefined, (v: unknown) => strslice(v).sort()),
  list: def([], "a", (...xs: unknown[]) => xs),
  tuple: def([], "a", (...xs: unknown[]) => xs),
  first: def(["a"], undefined, (v: unknown) =>
    Array.isArray(v) ? (v.length ? v[0] : null) : panic(`Cannot find first on type ${T(v)}`),
  ),
  last: def(["a"], undefined, (v: unknown) =>
    Array.isArray(v) ? (v.length ? v[v.length - 1] : null) : panic(`Cannot find last on type ${T(v)}`),
  ),
  rest: def(["a"], undefined, (v: unknown) =>
    Array.isArray(v) ? (v.length ? v.slice(1) : null) : panic(`Cannot find rest on type ${T(v)}`),
  ),
  initial: def(["a"], undefined, (v: unknown) =>
    Array.isArray(v) ? (v.length ? v.slice(0, -1) : null) : panic(`Cannot find initial on type ${T(v)}`),
  ),
  reverse: def(["a"], undefined, (v: unknown) =>
    Array.isArray(v) ? [...v].reverse() : panic(`Cannot find reverse on type ${T(v)}`),
  ),
  uniq: def(["a"], undefined, (v: unknown) => {
    if (!Array.isArray(v)) return panic(`Cannot find uniq on type ${T(v)}`);
    const out: unknown[] = [];
    for (const x of v) if (!out.some((y) => deepEqual(x, y))) out.push(x);
    return out;
  }),
  compact: def(["a"], undefined, (v: unknown) =>
    Array.isArray(v) ? v.filter((x) => !empty(x)) : panic(`Cannot compact on type ${T(v)}`),
  ),
  append: def(["a", "a"], undefined, (v: unknown, x: unknown) =>
    Array.isArray(v) ? [...v, x] : panic(`Cannot push on type ${T(v)}`),
  ),
  push: def(["a", "a"], undefined, (v: unknown, x: unknown) =>
    Array.isArray(v) ? [...v, x] : panic(`Cannot push on type ${T(v)}`),
  ),
  prepend: def(["a", "a"], undefined, (v: unknown, x: unknown) =>
    Array.isArray(v) ? [x, ...v] : panic(`Cannot prepend on type ${T(v)}`),
  ),
  without: def(["a"], "a", (v: unknown, ...xs: unknown[]) =>
    Array.isArray(v) ? v.filter((e) => !xs.some((x) => deepEqual(x, e))) : panic(`Cannot find without on type ${T(v)}`),
  ),
  has: def(["a", "a"], undefined, (needle: unknown, v: unknown) =>
    Array.isArray(v)
      ? v.some((e) => deepEqual(e, needle))
      : isNil(v)
        ? false
        : panic(`Cannot find has on type ${T(v)}`),
  ),
  slice: def(["a"], "a", (v: unknown, ...ix: unknown[]) => {
    if (!Array.isArray(v)) return panic(`list should be type of slice or array but ${T(v)}`);
    const a = ix.length > 0 ? Number(castInt(ix[0])) : 0;
    const b = ix.length > 1 ? Number(castInt(ix[1])) : v.length;
    return v.slice(a, b);
  }),
  concat: def([], "a", (...ls: unknown[]) =>
    ls.flatMap((l) => (Array.isArray(l) ? l : panic(`Cannot concat type ${T(l)} as list`))),
  ),
  chunk: def(["i", "a"], undefined, (size: bigint, v: unknown) => {
    if (!Array.isArray(v)) return panic(`Cannot chunk type ${T(v)}`);
    const n = Number(size);
    const out: unknown[][] = [];
    for (let i = 0; i < v.length; i += n) out.push(v.slice(i, i + n));
    return out;
  }),
  // Defaults
  default: def(["a"], "a", (d: unknown, ...given: unknown[]) => (given.length === 0 || empty(given[0]) ? d : given[0])),
  empty: def(["a"], undefined, empty),
  coalesce: def([], "a", (...xs: unknown[]) => xs.find((x) => !empty(x)) ?? null),
  all: def([], "a", (...xs: unknown[]) => xs.every((x) => !empty(x))),
  any: def([], "a", (...xs: unknown[]) => xs.some((x) => !empty(x))),
  fromJson: def(["s"], undefined, (s: string) => {
    try {
      return goFromJSON(s);
    } catch {
      return null;
    }
  }),
  mustFromJson: def(["s"], undefined, (s: string) => goFromJSON(s)),
  toJson: def(["a"], undefined, (v: unknown) => goJSON(v)),
  mustToJson: def(["a"], undefined, (v: unknown) => goJSON(v)),
  toPrettyJson: def(["a"], undefined, (v: unknown) => goJSON(v, "  ")),
  mustToPrettyJson: def(["a"], undefined, (v: unknown) => goJSON(v, "  ")),
  toRawJson: def(["a"], undefined, (v: unknown) => goJSON(v, "", false)),
  mustToRawJson: def(["a"], undefined, (v: unknown) => goJSON(v, "", false)),
  ternary: def(["a", "a", "b"], undefined, (t: unknown, f: unknown, c: boolean) => (c ? t : f)),
  deepCopy: def(["a"], undefined, (v: unknown) => structuredClone(v)),
  // Reflection
  typeOf: def(["a"], undefined, (v: unknown) => (isNil(v) ? "<nil>" : T(v))),
  kindOf: def(["a"], undefined, (v: unknown) =>
    isNil(v) ? "invalid" : Array.isArray(v) ? "slice" : isMap(v) ? "map" : T(v) === "float64" ? "float64" : T(v),
  ),
  kindIs: def(
    ["s", "a"],
    undefined,
    (k: string, v: unknown) => k === (isNil(v) ? "invalid" : Array.isArray(v) ? "slice" : isMap(v) ? "map" : T(v)),
  ),
  typeIs: def(["s", "a"], undefined, (t: string, v: unknown) => t === T(v)),
  deepEqual: def(["a", "a"], undefined, deepEqual),
  // Paths
  base: def(["s"], undefined, (p: string) => pathBase(p)),
  dir: def(["s"], undefined, (p: string) => pathDir(p)),
  clean: def(["s"], undefined, (p: string) => pathClean(p)),
  ext: def(["s"], undefined, (p: string) => {
    const b = p.slice(p.lastIndexOf("/") + 1);
    const i = b.lastIndexOf(".");
    return i < 0 ? "" : b.slice(i);
  }),
  isAbs: def(["s"], undefined, (p: string) => p.startsWith("/")),
  // Encoding
  b64enc: def(["s"], undefined, (s: string) => Buffer.from(s, "utf8").toString("base64")),
  b64dec: def(["s"], undefined, (s: string) =>
    /^[A-Za-z0-9+/]*={0,2}$/.test(s) && s.length % 4 === 0
      ? Buffer.from(s, "base64").toString("utf8")
      : `illegal base64 data at input byte ${firstBad(s)}`,
  ),
  // Dictionaries
  dict: def([], "a", (...kv: unknown[]) => {
    const out: GoMap = {};
    for (let i = 0; i < kv.length; i += 2) out[strval(kv[i])] = i + 1 < kv.length ? kv[i + 1] : "";
    return out;
  }),
  get: def(["m", "s"], undefined, (d: GoMap, k: string) => (Object.hasOwn(d, k) ? d[k] : "")),
  set: def(["m", "s", "a"], undefined, (d: GoMap, k: string, v: unknown) => {
    d[k] = v;
    return d;
  }),
  unset: def(["m", "s"], undefined, (d: GoMap, k: string) => {
    delete d[k];
    return d;
  }),
  hasKey: def(["m", "s"], undefined, (d: GoMap, k: string) => Object.hasOwn(d, k)),
  pluck: def(["s"], "m", (k: string, ...ds: GoMap[]) => ds.filter((d) => Object.hasOwn(d, k)).map((d) => d[k])),
  keys: def([], "m", (...ds: GoMap[]) => ds.flatMap((d) => Object.keys(d).sort())),
  values: def(["m"], undefined, (d: GoMap) =>
    Object.keys(d)
      .sort()
      .map((k) => d[k]),
  ),
  pick: def(["m"], "s", (d: GoMap, ...ks: string[]) =>
    Object.fromEntries(ks.filter((k) => Object.hasOwn(d, k)).map((k) => [k, d[k]])),
  ),
  omit: def(["m"], "s", (d: GoMap, ...ks: string[]) =>
    Object.fromEntries(
      Object.keys(d)
        .filter((k) => !ks.includes(k))
        .map((k) => [k, d[k]]),
    ),
  ),
  dig: def([], "a", (...ps: unknown[]) => {
    if (ps.length < 3) panic("dig needs at least three arguments");
    let d = ps[ps.length - 1];
    if (!isMap(d)) panic(`interface conversion: interface {} is ${T(d)}, not map[string]interface {}`);
    const def0 = ps[ps.length - 2];
    const ks = ps
      .slice(0, -2)
      .map((k) => (typeof k === "string" ? k : panic(`interface conversion: interface {} is ${T(k)}, not string`)));
    for (let i = 0; i < ks.length; i++) {
      const m = d as GoMap;
      if (!Object.hasOwn(m, ks[i] as string)) return def0;
      d = m[ks[i] as string];
      if (i < ks.length - 1 && !isMap(d))
        panic(`interface conversion: interface {} is ${T(d)}, not map[string]interface {}`);
    }
    return d;
  }),
  // Regular expressions
  regexMatch: def(["s", "s"], undefined, (re: string, s: string) => goRegExp(re).test(s)),
  mustRegexMatch: def(["s", "s"], undefined, (re: string, s: string) => goRegExp(re).test(s)),
  regexFind: def(["s", "s"], undefined, (re: string, s: string) => goRegExp(re).exec(s)?.[0] ?? ""),
  regexFindAll: def(["s", "s", "i"], undefined, (re: string, s: string, n: bigint) => {
    const all = Array.from(s.matchAll(new RegExp(goRegExp(re).source, `${goRegExp(re).flags}g`)), (m) => m[0]);
    return n < 0n ? all : all.slice(0, Number(n));
  }),
  regexReplaceAll: def(["s", "s", "s"], undefined, (re: string, s: string, r: string) =>
    s.replace(
      new RegExp(goRegExp(re).source, `${goRegExp(re).flags}g`),
      r.replace(/\$\{(\w+)\}/g, "$$$1").replace(/\$(\d+)/g, "$$$1"),
    ),
  ),
  regexReplaceAllLiteral: def(["s", "s", "s"], undefined, (re: string, s: string, r: string) =>
    s.replace(new RegExp(goRegExp(re).source, `${goRegExp(re).flags}g`), () => r),
  ),
  regexSplit: def(["s", "s", "i"], undefined, (re: string, s: string, n: bigint) => {
    const parts = s.split(new RegExp(goRegExp(re).source, `${goRegExp(re).flags}g`));
    return n < 0n ? parts : parts.slice(0, Number(n));
  }),
  regexQuoteMeta: def(["s"], undefined, (s: string) => s.replace(/[\\.+*?()|[\]{}^$]/g, "\\$&")),
  // Flow control
  fail: def(["s"], undefined, (msg: string) => panic(msg)),
};

function trimChars(s: string, cut: string): string {
  const set = new Set(Array.from(cut));
  const cs = Array.from(s);
  let a = 0;
  let b = cs.length;
  while (a < b && set.has(cs[a] as string)) a++;
  while (b > a && set.has(cs[b - 1] as string)) b--;
  return cs.slice(a, b).join("");
}

function indent(n: number, s: string): string {
  const pad = " ".repeat(n);
  return pad + s.split("\n").join(`\n${pad}`);
}

function firstBad(s: string): number {
  const i = s.search(/[^A-Za-z0-9+/=]/);
  return i < 0 ? s.length - (s.length % 4) : i;
}

function pathClean(p: string): string {
  if (p === "") return ".";
  const abs = p.startsWith("/");
  const out: string[] = [];
  for (const part of p.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (out.length > 0 && out[out.length - 1] !== "..") out.pop();
      else if (!abs) out.push("..");
    } else out.push(part);
  }
  const s = out.join("/");
  return abs ? `/${s}` : s || ".";
}

function pathBase(p: string): string {
  if (p === "") return ".";
  const t = p.replace(/\/+$/, "");
  if (t === "") return "/";
  return t.slice(t.lastIndexOf("/") + 1);
}

function pathDir(p: string): string {
  const i = p.lastIndexOf("/");
  return pathClean(p.slice(0, i + 1));
}
