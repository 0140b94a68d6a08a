/** expr-lang's runtime operations (vm/runtime): arithmetic, comparison, `in`, fetch and slice. */

import { panic } from "./panic.js";
import { formatLayout } from "./time.js";
import {
  formatGo,
  GoDuration,
  GoLocation,
  type GoMap,
  GoObject,
  GoTime,
  goEqual,
  goTypeName,
  hasKey,
  isMap,
  isNil,
  wrapInt,
} from "./value.js";
import { zoneOffsetMs } from "./zone.js";

export { GoPanic, panic } from "./panic.js";

const T = goTypeName;

export function toInt(v: unknown): bigint {
  if (typeof v === "bigint") return v;
  if (typeof v === "number") return goFloatToInt(v);
  return panic(`invalid operation: int(${T(v)})`);
}

/** Go's `int(f)` conversion (truncation; out of range is implementation-defined, we saturate). */
export function goFloatToInt(f: number): bigint {
  if (Number.isNaN(f)) return -(2n ** 63n);
  // float64 bounds of int64: 2^63 is the first value above MaxInt64 (amd64 gives MinInt64 for it).
  if (f >= 2 ** 63) return -(2n ** 63n);
  if (f <= -(2 ** 63)) return -(2n ** 63n);
  return BigInt(Math.trunc(f));
}

export function toFloat(v: unknown): number {
  if (typeof v === "number") return v;
  if (typeof v === "bigint") return Number(v);
  return panic(`invalid operation: float(${T(v)})`);
}

export function toBool(v: unknown, what = "bool"): boolean {
  if (typeof v === "boolean") return v;
  return panic(`interface conversion: interface {} is ${isNil(v) ? "nil" : T(v)}, not ${what}`);
}

export function asString(v: unknown): string {
  if (typeof v === "string") return v;
  return panic(`interface conversion: interface {} is ${isNil(v) ? "nil" : T(v)}, not string`);
}

type Num = bigint | number;
const isNum = (v: unknown): v is Num => typeof v === "bigint" || typeof v === "number";

function arith(
  op: string,
  a: unknown,
  b: unknown,
  int: (x: bigint, y: bigint) => bigint,
  float: (x: number, y: number) => number,
): unknown {
  if (isNum(a) && isNum(b)) {
    if (typeof a === "bigint" && typeof b === "bigint") return wrapInt(int(a, b));
    return float(Number(a), Number(b));
  }
  return panic(`invalid operation: ${T(a)} ${op} ${T(b)}`);
}

export function add(a: unknown, b: unknown): unknown {
  if (typeof a === "string" && typeof b === "string") return a + b;
  if (a instanceof GoTime && b instanceof GoDuration) return new GoTime(a.ms + Number(b.ns / 1000000n));
  if (a instanceof GoDuration && b instanceof GoTime) return new GoTime(b.ms + Number(a.ns / 1000000n));
  if (a instanceof GoDuration && b instanceof GoDuration) return new GoDuration(a.ns + b.ns);
  return arith(
    "+",
    a,
    b,
    (x, y) => x + y,
    (x, y) => x + y,
  );
}

export function subtract(a: unknown, b: unknown): unknown {
  if (a instanceof GoTime && b instanceof GoTime) return new GoDuration(BigInt(a.ms - b.ms) * 1000000n);
  if (a instanceof GoTime && b instanceof GoDuration) return new GoTime(a.ms - Number(b.ns / 1000000n));
  if (a instanceof GoDuration && b instanceof GoDuration) return new GoDuration(a.ns - b.ns);
  return arith(
    "-",
    a,
    b,
    (x, y) => x - y,
    (x, y) => x - y,
  );
}

export function multiply(a: unknown, b: unknown): unknown {
  if (a instanceof GoDuration && typeof b === "bigint") return new GoDuration(a.ns * b);
  if (typeof a === "bigint" && b instanceof GoDuration) return new GoDuration(a * b.ns);
  return arith(
    "*",
    a,
    b,
    (x, y) => x * y,
    (x, y) => x * y,
  );
}

export function divide(a: unknown, b: unknown): number {
  if (isNum(a) && isNum(b)) return Number(a) / Number(b);
  return panic(`invalid operation: ${T(a)} / ${T(b)}`);
}

export function modulo(a: unknown, b: unknown): bigint {
  if (typeof a === "bigint" && typeof b === "bigint") {
    if (b === 0n) panic("runtime error: integer divide by zero");
    return a % b;
  }
  return panic(`invalid operation: ${T(a)} % ${T(b)}`);
}

export function exponent(a: unknown, b: unknown): number {
  return toFloat(a) ** toFloat(b);
}

export function negate(a: unknown): unknown {
  if (typeof a === "bigint") return wrapInt(-a);
  if (typeof a === "number") return -a;
  if (a instanceof GoDuration) return new GoDuration(-a.ns);
  return panic(`invalid operation: - ${T(a)}`);
}

function cmp(op: string, a: unknown, b: unknown): number {
  if (isNum(a) && isNum(b)) {
    if (typeof a === "bigint" && typeof b === "bigint") return a < b ? -1 : a > b ? 1 : 0;
    const x = Number(a);
    const y = Number(b);
    return x < y ? -1 : x > y ? 1 : x === y ? 0 : NaN;
  }
  if (typeof a === "string" && typeof b === "string") return a < b ? -1 : a > b ? 1 : 0;
  if (a instanceof GoTime && b instanceof GoTime) return Math.sign(a.ms - b.ms);
  if (a instanceof GoDuration && b instanceof GoDuration) return a.ns < b.ns ? -1 : a.ns > b.ns ? 1 : 0;
  return panic(`invalid operation: ${T(a)} ${op} ${T(b)}`);
}

export const less = (a: unknown, b: unknown): boolean => cmp("<", a, b) < 0;
export const more = (a: unknown, b: unknown): boolean => cmp(">", a, b) > 0;
export const lessOrEqual = (a: unknown, b: unknown): boolean => cmp("<=", a, b) <= 0;
export const moreOrEqual = (a: unknown, b: unknown): boolean => cmp(">=", a, b) >= 0;

export function inOp(needle: unknown, haystack: unknown): boolean {
  if (isNil(haystack)) return false;
  if (Array.isArray(haystack)) return haystack.some((x) => goEqual(x, needle));
  if (isMap(haystack)) {
    if (typeof needle !== "string")
      panic(`reflect.Value.MapIndex: value of type ${T(needle)} is not assignable to type string`);
    return hasKey(haystack, needle);
  }
  return panic(`operator "in" not defined on ${T(haystack)}`);
}

/** `runtime.Fetch`: `from[i]` for arrays, strings and maps. */
export function fetch(from: unknown, i: unknown): unknown {
  if (isNil(from)) return panic(`cannot fetch ${formatGo(i)} from <nil>`);
  if (typeof i === "string" && (from instanceof GoTime || from instanceof GoDuration)) return method(from, i);
  if (from instanceof GoObject) {
    const m = typeof i === "string" ? from.goMethod(i) : undefined;
    return m ?? panic(`cannot fetch ${formatGo(i)} from ${from.goType}`);
  }
  if (Array.isArray(from) || typeof from === "string") {
    let index = toInt(i);
    const bytes = typeof from === "string" ? Buffer.from(from, "utf8") : undefined;
    const l = BigInt(bytes ? bytes.length : (from as unknown[]).length);
    if (index < 0n) index += l;
    if (index < 0n || index >= l) panic(`index out of range: ${index} (array length is ${l})`);
    // Indexing a Go string yields a byte (uint8).
    return bytes ? BigInt(bytes[Number(index)] as number) : (from as unknown[])[Number(index)];
  }
  if (isMap(from)) {
    if (typeof i !== "string") {
      // groupBy's map[any][]any: keys are kept as their %v text.
      if (Object.getOwnPropertySymbols(from).includes(anyKeys)) {
        const k = formatGo(i);
        return hasKey(from, k) ? undefinedToNil(from[k]) : null;
      }
      if (isNil(i)) return undefinedToNil((from as GoMap)[""]);
      panic(`reflect.Value.MapIndex: value of type ${T(i)} is not assignable to type string`);
    }
    return hasKey(from, i) ? undefinedToNil(from[i]) : null;
  }
  return panic(`cannot fetch ${formatGo(i)} from ${T(from)}`);
}

function undefinedToNil(v: unknown): unknown {
  return v === undefined ? null : v;
}

/** Marks a map whose Go keys are not strings (groupBy's `map[any][]any`). */
export const anyKeys: unique symbol = Symbol("anyKeys");

export function slice(v: unknown, from: unknown, to: unknown): unknown {
  if (Array.isArray(v) || typeof v === "string") {
    const length = typeof v === "string" ? Buffer.byteLength(v) : v.length;
    let a = Number(toInt(from));
    let b = Number(toInt(to));
    if (a < 0) a = length + a;
    if (a < 0) a = 0;
    if (b < 0) b = length + b;
    if (b < 0) b = 0;
    if (b > length) b = length;
    if (a > b) a = b;
    return typeof v === "string" ? Buffer.from(v, "utf8").subarray(a, b).toString("utf8") : v.slice(a, b);
  }
  return panic(`cannot slice ${formatGo(from)}`);
}

export function len(v: unknown): bigint {
  if (Array.isArray(v)) return BigInt(v.length);
  if (typeof v === "string") return BigInt(Buffer.byteLength(v));
  if (isMap(v)) return BigInt(Object.keys(v).length);
  return panic(`invalid argument for len (type ${T(v)})`);
}

/** Methods of `time.Time` and `time.Duration` that expressions call (`.Seconds()`, `.Year()`, ...). */
export function method(recv: GoTime | GoDuration, name: string): (args: readonly unknown[]) => unknown {
  if (recv instanceof GoDuration) {
    const ns = recv.ns;
    const m: Record<string, () => unknown> = {
      Seconds: () => Number(ns) / 1e9,
      Minutes: () => Number(ns) / 6e10,
      Hours: () => Number(ns) / 3.6e12,
      Milliseconds: () => ns / 1000000n,
      Microseconds: () => ns / 1000n,
      Nanoseconds: () => ns,
      String: () => formatGo(recv),
    };
    const f = m[name];
    if (!f) panic(`cannot fetch ${name} from time.Duration`);
    return () => f();
  }
  // fields as the time's location reads them
  const d = new Date(recv.ms + zoneOffsetMs(recv.zone, recv.ms));
  const m: Record<string, (args: readonly unknown[]) => unknown> = {
    In: ([loc]) =>
      loc instanceof GoLocation ? new GoTime(recv.ms, loc.name) : panic("time.Time.In needs a *time.Location"),
    UTC: () => new GoTime(recv.ms),
    Local: () => new GoTime(recv.ms),
    Location: () => new GoLocation(recv.zone),
    Format: ([layout]) => formatLayout(recv, String(layout)),
    String: () => formatGo(recv),
    Unix: () => BigInt(Math.floor(recv.ms / 1000)),
    UnixMilli: () => BigInt(recv.ms),
    Year: () => BigInt(d.getUTCFullYear()),
    Month: () => BigInt(d.getUTCMonth() + 1),
    Day: () => BigInt(d.getUTCDate()),
    Hour: () => BigInt(d.getUTCHours()),
    Minute: () => BigInt(d.getUTCMinutes()),
    Second: () => BigInt(d.getUTCSeconds()),
    Weekday: () => BigInt(d.getUTCDay()),
    YearDay: () =>
      BigInt(
        Math.floor(
          (Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - Date.UTC(d.getUTCFullYear(), 0, 1)) /
            86400000,
        ) + 1,
      ),
    Sub: ([o]) => subtract(recv, o),
    Add: ([o]) => add(recv, o),
    Before: ([o]) => less(recv, o),
    After: ([o]) => more(recv, o),
    Equal: ([o]) => o instanceof GoTime && o.ms === recv.ms,
    IsZero: () => recv.ms === -62135596800000,
  };
  const f = m[name];
  if (!f) panic(`cannot fetch ${name} from time.Time`);
  return f;
}
