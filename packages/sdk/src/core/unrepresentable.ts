/**
 * Values an Argo manifest cannot hold exactly. JSON has no NaN, Infinity, Date, Map, Set, function
 * or cycle, and YAML and JSON would write them differently (`.nan` vs `null`, `{}` for a Map): the
 * authoring layer replaces each such value it copies from user code by an {@link Unrepresentable}
 * marker, and the compiler reports every marker left in a manifest with its field path.
 */

/** The largest and smallest integers Kubernetes' int64 fields hold; a BigInt outside is refused. */
const INT64_MAX = 2n ** 63n - 1n;
const INT64_MIN = -(2n ** 63n);

/** A value of user code that no manifest can hold, with what it was and what to write instead. */
export class Unrepresentable {
  /** How many markers were ever made: the compiler looks for them only when there is one. */
  static count = 0;
  constructor(
    /** What the value is, e.g. `NaN` or `a Map`. */
    readonly what: string,
    /** What to write instead. */
    readonly hint: string,
  ) {
    Unrepresentable.count++;
    Object.freeze(this);
  }
}

const BUILTIN_HINTS: [new (...args: never[]) => unknown, string, string][] = [
  [Date, "a Date", "write the string you mean, e.g. date.toISOString()"],
  [Map, "a Map", "use a plain object (Object.fromEntries(map))"],
  [Set, "a Set", "use an array ([...set])"],
  [WeakMap, "a WeakMap", "use a plain object"],
  [WeakSet, "a WeakSet", "use an array"],
  [RegExp, "a RegExp", "write its source as a string"],
  [Promise, "a Promise", "await it before the workflow is defined (top-level await), or pass the value"],
  [ArrayBuffer, "an ArrayBuffer", "encode the bytes as a string (e.g. base64)"],
  [Error, "an Error", "write its message as a string"],
];

/**
 * The marker for a primitive or built-in object no manifest can hold, or undefined when `v` is
 * fine as it is (plain objects and arrays are walked by the caller).
 */
export function unrepresentable(v: unknown): Unrepresentable | undefined {
  switch (typeof v) {
    case "number":
      if (Number.isFinite(v)) return undefined;
      return new Unrepresentable(
        String(v),
        "JSON has no NaN or Infinity (YAML would write .nan, JSON null): use a finite number or a string",
      );
    case "bigint":
      if (v <= INT64_MAX && v >= INT64_MIN) return undefined;
      return new Unrepresentable(`the BigInt ${v}n`, "Kubernetes integers are 64-bit: use a string");
    case "function":
      return new Unrepresentable(
        "a function",
        "a manifest holds data only: call the function, or use nodeScript() to run code in the workflow",
      );
    case "symbol":
      return new Unrepresentable("a Symbol", "use a string");
    case "object": {
      if (v === null || Array.isArray(v)) return undefined;
      const proto = Object.getPrototypeOf(v);
      if (proto === Object.prototype || proto === null) return undefined;
      for (const [cls, what, hint] of BUILTIN_HINTS) if (v instanceof cls) return new Unrepresentable(what, hint);
      if (ArrayBuffer.isView(v)) return new Unrepresentable("a typed array", "use a plain array of numbers");
      return undefined;
    }
    default:
      return undefined;
  }
}

/** The marker for an object that contains itself. */
export function circular(): Unrepresentable {
  return new Unrepresentable(
    "a circular reference (the object contains itself)",
    "a manifest is a tree: break the cycle",
  );
}
