/** expr-lang's non-predicate builtins (builtin/builtin.go) on the value model. */

import { asString, len as byteLen, fetch, goFloatToInt, less, more, panic, toFloat, toInt } from "./ops.js";
import { parseGoDate, parseGoDuration } from "./time.js";
import {
  atoi,
  formatGo,
  GoDuration,
  type GoFunc,
  GoLocation,
  type GoMap,
  GoTime,
  goEqual,
  goFromJSON,
  goJSON,
  goTypeName,
  isMap,
  isNil,
  parseGoFloat,
} from "./value.js";
import { loadLocation } from "./zone.js";

const T = goTypeName;

function argc(args: readonly unknown[], n: number): void {
  if (args.length !== n) panic(`invalid number of arguments (expected ${n}, got ${args.length})`);
}

/** expr-lang's `int()` (Argo's `asInt`). */
export function builtinInt(x: unknown): bigint {
  if (typeof x === "bigint") return x;
  if (typeof x === "number") return goFloatToInt(x);
  if (typeof x === "string") {
    const v = atoi(x);
    if (v === undefined) panic(`invalid operation: int(${x})`);
    return v;
  }
  return panic(`invalid operation: int(${T(x)})`);
}

/** expr-lang's `float()` (Argo's `asFloat`). */
export function builtinFloat(x: unknown): number {
  if (typeof x === "number") return x;
  if (typeof x === "bigint") return Number(x);
  if (typeof x === "string") {
    const f = parseGoFloat(x);
    if (f === undefined) panic(`invalid operation: float(${x})`);
    return f;
  }
  return panic(`invalid operation: float(${T(x)})`);
}

function minMax(
  name: string,
  better: (a: unknown, b: unknown) => boolean,
  args: readonly unknown[],
  depth = 0,
): unknown {
  let val: unknown = null;
  for (const arg of args) {
    if (Array.isArray(arg)) {
      for (const e of arg) {
        let x: unknown = e;
        if (Array.isArray(e)) x = minMax(name, better, [e], depth + 1);
        else if (typeof e !== "bigint" && typeof e !== "number") panic(`invalid argument for ${name} (type ${T(e)})`);
        if (!isNil(x) && (isNil(val) || better(val, x))) val = x;
      }
    } else if (typeof arg === "bigint" || typeof arg === "number") {
      if (isNil(val) || better(val, arg)) val = arg;
    } else {
      if (args.length === 1) return arg;
      panic(`invalid argument for ${name} (type ${T(arg)})`);
    }
  }
  return val;
}

function numbers(name: string, args: readonly unknown[], out: number[] = []): number[] {
  for (const a of args) {
    if (Array.isArray(a)) numbers(name, a, out);
    else if (typeof a === "bigint" || typeof a === "number") out.push(Number(a));
    else panic(`invalid argument for ${name} (type ${T(a)})`);
  }
  return out;
}

function roundFn(name: string, f: (x: number) => number): GoFunc {
  return (args) => {
    argc(args, 1);
    const x = args[0];
    if (typeof x === "number") return f(x);
    if (typeof x === "bigint") return Number(x);
    return panic(`invalid argument for ${name} (type ${T(x)})`);
  };
}

function goRound(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

function trimSet(s: string, cut: string, left: boolean, right: boolean): string {
  const set = new Set(Array.from(cut));
  const cs = Array.from(s);
  let a = 0;
  let b = cs.length;
  while (left && a < b && set.has(cs[a] as string)) a++;
  while (right && b > a && set.has(cs[b - 1] as string)) b--;
  return cs.slice(a, b).join("");
}

/** Go's `strings.TrimSpace`. */
export function trimSpace(s: string): string {
  return s.replace(/^[\s\u0085]+|[\s\u0085]+$/gu, "");
}

/** Go's `strings.SplitN` (n < 0: all; n == 0: nil). */
export function splitN(s: string, sep: string, n: number): string[] | null {
  if (n === 0) return null;
  if (sep === "") {
    const cs = Array.from(s);
    if (n < 0 || n >= cs.length) return cs;
    return [...cs.slice(0, n - 1), cs.slice(n - 1).join("")];
  }
  const parts = s.split(sep);
  if (n < 0 || parts.length <= n) return parts;
  return [...parts.slice(0, n - 1), parts.slice(n - 1).join(sep)];
}

function strArg(_name: string, v: unknown): string {
  if (typeof v === "string") return v;
  return panic(`interface conversion: interface {} is ${isNil(v) ? "nil" : T(v)}, not string`);
}

function keysOf(m: GoMap): string[] {
  // Go iterates maps in random order; sorted keys keep local runs deterministic.
  return Object.keys(m).sort();
}

/** The builtins, by name. */
export const builtins: Readonly<Record<string, GoFunc>> = {
  len: (args) => {
    argc(args, 1);
    const x = args[0];
    if (typeof x === "string") return BigInt(Array.from(x).length);
    return byteLen(x);
  },
  type: (args) => {
    const x = args[0];
    if (isNil(x)) return "nil";
    if (typeof x === "bigint") return "int";
    if (typeof x === "number") return "float";
    if (typeof x === "string") return "string";
    if (typeof x === "boolean") return "bool";
    if (typeof x === "function") return "func";
    if (Array.isArray(x)) return "array";
    if (x instanceof GoTime) return "time.Time";
    if (x instanceof GoDuration) return "time.Duration";
    return "map";
  },
  abs: (args) => {
    argc(args, 1);
    const x = args[0];
    if (typeof x === "bigint") return x < 0n ? -x : x;
    if (typeof x === "number") return Math.abs(x);
    return panic(`invalid argument for abs (type ${T(x)})`);
  },
  ceil: roundFn("ceil", Math.ceil),
  floor: roundFn("floor", Math.floor),
  round: roundFn("round", goRound),
  int: (args) => {
    argc(args, 1);
    return builtinInt(args[0]);
  },
  float: (args) => {
    argc(args, 1);
    return builtinFloat(args[0]);
  },
  string: (args) => formatGo(args[0]),
  trim: (args) => {
    if (args.length === 1) return trimSpace(strArg("trim", args[0]));
    if (args.length === 2) return trimSet(strArg("trim", args[0]), strArg("trim", args[1]), true, true);
    return panic(`invalid number of arguments for trim (expected 1 or 2, got ${args.length})`);
  },
  trimPrefix: (args) => {
    const s = strArg("trimPrefix", args[0]);
    const p = args.length === 2 ? strArg("trimPrefix", args[1]) : " ";
    return s.startsWith(p) ? s.slice(p.length) : s;
  },
  trimSuffix: (args) => {
    const s = strArg("trimSuffix", args[0]);
    const p = args.length === 2 ? strArg("trimSuffix", args[1]) : " ";
    return p && s.endsWith(p) ? s.slice(0, s.length - p.length) : s;
  },
  upper: (args) => strArg("upper", args[0]).toUpperCase(),
  lower: (args) => strArg("lower", args[0]).toLowerCase(),
  split: (args) => {
    if (args.length === 2) return splitN(strArg("split", args[0]), strArg("split", args[1]), -1);
    if (args.length === 3) return splitN(strArg("split", args[0]), strArg("split", args[1]), Number(toInt(args[2])));
    return panic(`invalid number of arguments for split (expected 2 or 3, got ${args.length})`);
  },
  splitAfter: (args) => {
    const s = strArg("splitAfter", args[0]);
    const sep = strArg("splitAfter", args[1]);
    const n = args.length === 3 ? Number(toInt(args[2])) : -1;
    const parts = splitN(s, sep, n);
    return parts?.map((p, i) => (i < parts.length - 1 ? p + sep : p)) ?? null;
  },
  replace: (args) => {
    if (args.length === 3)
      return strArg("replace", args[0]).split(strArg("replace", args[1])).join(strArg("replace", args[2]));
    if (args.length === 4) {
      let n = Number(toInt(args[3]));
      const s = strArg("replace", args[0]);
      const o = strArg("replace", args[1]);
      const r = strArg("replace", args[2]);
      if (n < 0) return s.split(o).join(r);
      let out = "";
      let rest = s;
      while (n-- > 0) {
        const i = rest.indexOf(o);
        if (i < 0) break;
        out += rest.slice(0, i) + r;
        rest = rest.slice(i + o.length);
      }
      return out + rest;
    }
    return panic(`invalid number of arguments for replace (expected 3 or 4, got ${args.length})`);
  },
  repeat: (args) => {
    const n = Number(toInt(args[1]));
    if (n < 0) panic(`invalid argument for repeat (expected positive integer, got ${n})`);
    if (n > 1e6) panic("memory budget exceeded");
    return strArg("repeat", args[0]).repeat(n);
  },
  join: (args) => {
    const glue = args.length === 2 ? strArg("join", args[1]) : "";
    const a = args[0];
    if (!Array.isArray(a)) return panic(`invalid argument for join (type ${T(a)})`);
    return a.map((x) => asString(x)).join(glue);
  },
  indexOf: (args) => {
    const s = strArg("indexOf", args[0]);
    const i = s.indexOf(strArg("indexOf", args[1]));
    return i < 0 ? -1n : BigInt(Buffer.byteLength(s.slice(0, i)));
  },
  lastIndexOf: (args) => {
    const s = strArg("lastIndexOf", args[0]);
    const i = s.lastIndexOf(strArg("lastIndexOf", args[1]));
    return i < 0 ? -1n : BigInt(Buffer.byteLength(s.slice(0, i)));
  },
  hasPrefix: (args) => strArg("hasPrefix", args[0]).startsWith(strArg("hasPrefix", args[1])),
  hasSuffix: (args) => strArg("hasSuffix", args[0]).endsWith(strArg("hasSuffix", args[1])),
  max: (args) => minMax("max", less, args),
  min: (args) => minMax("min", more, args),
  mean: (args) => {
    const xs = numbers("mean", args);
    return xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length;
  },
  median: (args) => {
    const xs = numbers("median", args).sort((a, b) => a - b);
    const n = xs.length;
    if (n === 0) return 0;
    return n % 2 === 1 ? (xs[(n - 1) / 2] as number) : ((xs[n / 2 - 1] as number) + (xs[n / 2] as number)) / 2;
  },
  toJSON: (args) => goJSON(args[0], "  "),
  fromJSON: (args) => goFromJSON(strArg("fromJSON", args[0])),
  toBase64: (args) => Buffer.from(strArg("toBase64", args[0]), "utf8").toString("base64"),
  fromBase64: (args) => {
    const s = strArg("fromBase64", args[0]);
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s) || s.length % 4 !== 0)
      panic(`illegal base64 data at input byte ${Math.max(0, s.search(/[^A-Za-z0-9+/=]/))}`);
    return Buffer.from(s, "base64").toString("utf8");
  },
  now: (args) => {
    if (args.length === 0) return new GoTime(Date.now());
    return panic(`invalid number of arguments (expected 0, got ${args.length})`);
  },
  duration: (args) => parseGoDuration(strArg("duration", args[0])),
  date: (args) => parseGoDate(args),
  timezone: (args) => {
    argc(args, 1);
    return new GoLocation(loadLocation(strArg("timezone", args[0])));
  },
  first: (args) => {
    try {
      return fetch(args[0], 0n);
    } catch {
      return null;
    }
  },
  last: (args) => {
    try {
      return fetch(args[0], -1n);
    } catch {
      return null;
    }
  },
  get: (args) => {
    if (args.length < 2) panic(`invalid number of arguments (expected 2, got ${args.length})`);
    const [from, i] = args;
    if (isNil(from)) return null;
    if (Array.isArray(from) || typeof from === "string") {
      const l = BigInt(Array.isArray(from) ? from.length : Buffer.byteLength(from));
      let index = toInt(i);
      if (index < 0n) index += l;
      return index >= 0n && index < l ? fetch(from, index) : null;
    }
    if (isMap(from) && typeof i === "string") return Object.hasOwn(from, i) ? from[i] : null;
    return null;
  },
  take: (args) => {
    argc(args, 2);
    const [a, n] = args;
    if (!Array.isArray(a)) return panic(`cannot take from ${kind(a)}`);
    if (typeof n !== "bigint") return panic(`cannot take ${kind(n)} elements`);
    return a.slice(0, Number(n > BigInt(a.length) ? BigInt(a.length) : n));
  },
  keys: (args) => {
    argc(args, 1);
    const m = args[0];
    if (!isMap(m)) return panic(`cannot get keys from ${kind(m)}`);
    return keysOf(m);
  },
  values: (args) => {
    argc(args, 1);
    const m = args[0];
    if (!isMap(m)) return panic(`cannot get values from ${kind(m)}`);
    return keysOf(m).map((k) => m[k]);
  },
  toPairs: (args) => {
    argc(args, 1);
    const m = args[0];
    if (!isMap(m)) return panic(`cannot transform ${kind(m)} to pairs`);
    return keysOf(m).map((k) => [k, m[k]]);
  },
  fromPairs: (args) => {
    argc(args, 1);
    const a = args[0];
    if (!Array.isArray(a)) return panic(`cannot transform ${formatGo(a)} from pairs`);
    const out: GoMap = {};
    for (const p of a) {
      if (!Array.isArray(p)) panic(`invalid pair ${formatGo(p)}`);
      if (p.length !== 2) panic(`invalid pair length ${formatGo(p)}`);
      out[asString(p[0])] = p[1];
    }
    return out;
  },
  reverse: (args) => {
    argc(args, 1);
    const a = args[0];
    if (!Array.isArray(a)) return panic(`cannot reverse ${kind(a)}`);
    return [...a].reverse();
  },
  uniq: (args) => {
    argc(args, 1);
    const a = args[0];
    if (!Array.isArray(a)) return panic(`cannot uniq ${kind(a)}`);
    const out: unknown[] = [];
    for (const x of a) if (!out.some((y) => goEqual(x, y))) out.push(x);
    return out;
  },
  concat: (args) => {
    if (args.length === 0) panic("invalid number of arguments (expected at least 1, got 0)");
    const out: unknown[] = [];
    for (const a of args) {
      if (!Array.isArray(a)) panic(`cannot concat ${kind(a)}`);
      out.push(...a);
    }
    return out;
  },
  flatten: (args) => {
    argc(args, 1);
    const a = args[0];
    if (!Array.isArray(a)) return panic(`cannot flatten ${kind(a)}`);
    const flat = (xs: readonly unknown[]): unknown[] => xs.flatMap((x) => (Array.isArray(x) ? flat(x) : [x]));
    return flat(a);
  },
  sort: (args) => {
    if (args.length !== 1 && args.length !== 2)
      panic(`invalid number of arguments (expected 1 or 2, got ${args.length})`);
    const a = Array.isArray(args[0]) ? [...args[0]] : [];
    let desc = false;
    if (args.length === 2) {
      if (typeof args[1] !== "string") panic(`sort order argument must be a string (got ${T(args[1])})`);
      if (args[1] === "desc") desc = true;
      else if (args[1] !== "asc") panic(`invalid order ${args[1]}, expected asc or desc`);
    }
    return a.sort((x, y) => (less(x, y) ? -1 : less(y, x) ? 1 : 0) * (desc ? -1 : 1));
  },
  bitand: bit((x, y) => x & y),
  bitor: bit((x, y) => x | y),
  bitxor: bit((x, y) => x ^ y),
  bitnand: bit((x, y) => x & ~y),
  bitshl: bit((x, y) => BigInt.asIntN(64, x << shift(y))),
  bitshr: bit((x, y) => x >> shift(y)),
  bitushr: bit((x, y) => BigInt.asIntN(64, BigInt.asUintN(64, x) >> shift(y))),
  bitnot: (args) => {
    if (args.length !== 1) panic(`invalid number of arguments for bitnot (expected 1, got ${args.length})`);
    return ~toInt(args[0]);
  },
};

function shift(y: bigint): bigint {
  if (y < 0n) panic(`invalid operation: negative shift count ${y} (type int)`);
  return y;
}

function bit(f: (x: bigint, y: bigint) => bigint): GoFunc {
  return (args) => {
    argc(args, 2);
    return f(toInt(args[0]), toInt(args[1]));
  };
}

function kind(v: unknown): string {
  if (isNil(v)) return "invalid";
  if (typeof v === "bigint") return "int";
  if (typeof v === "number") return "float64";
  if (typeof v === "string") return "string";
  if (typeof v === "boolean") return "bool";
  if (Array.isArray(v)) return "slice";
  if (typeof v === "function") return "func";
  if (v instanceof GoTime || v instanceof GoDuration) return "struct";
  return "map";
}

export { toFloat };
