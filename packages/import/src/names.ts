import { isReserved } from "./printer.js";

/** Everything the generated code may import from `@wfc/sdk`: never used for a generated name. */
export const SDK_NAMES = new Set([
  "z",
  "container",
  "script",
  "resource",
  "suspend",
  "http",
  "data",
  "containerSet",
  "plugin",
  "nodeScript",
  "dag",
  "steps",
  "forEach",
  "forEachParam",
  "forSequence",
  "parallel",
  "chain",
  "param",
  "artifact",
  "outputFromPath",
  "and",
  "or",
  "not",
  "eq",
  "ne",
  "gt",
  "ge",
  "lt",
  "le",
  "matches",
  "allOf",
  "anyOf",
  "condition",
  "workflow",
  "workflowTemplate",
  "clusterWorkflowTemplate",
  "cronWorkflow",
  "templateRef",
  "inline",
  "Item",
  "compile",
  "toYaml",
  "isRef",
  "exprToken",
  "expr",
  "exprDq",
  "vars",
  "jsonpath",
  "ifThenElse",
]);

/** Globals a module-level `const` should not shadow. */
const GLOBALS = new Set([
  "Object",
  "Array",
  "String",
  "Number",
  "Boolean",
  "JSON",
  "Math",
  "Date",
  "Error",
  "Promise",
  "Map",
  "Set",
  "Symbol",
  "console",
  "process",
  "globalThis",
  "require",
  "module",
  "exports",
]);

/** `print-message` -> `printMessage`, `A` -> `a`, `2nd` -> `t2nd`. */
export function camelCase(name: string): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  if (!words.length) return "t";
  let s = words
    .map((w, i) => {
      if (i === 0) return /^[A-Z0-9]+$/.test(w) ? w.toLowerCase() : w[0]!.toLowerCase() + w.slice(1);
      return w[0]!.toUpperCase() + w.slice(1);
    })
    .join("");
  if (/^[0-9]/.test(s)) s = `t${s}`;
  return s;
}

/** Hands out unique identifiers, deterministically, in request order. */
export class Namer {
  readonly #taken: Set<string>;
  constructor(taken: Iterable<string> = []) {
    this.#taken = new Set(taken);
  }
  has(n: string): boolean {
    return this.#taken.has(n) || SDK_NAMES.has(n) || isReserved(n) || GLOBALS.has(n);
  }
  /** A fresh name based on `base` (camel-cased), with `suffix` or a number appended on a clash. */
  take(raw: string, suffix = ""): string {
    const base = camelCase(raw);
    let n = base;
    if (this.has(n) && suffix) n = base + suffix;
    for (let i = 2; this.has(n); i++) n = `${base}${suffix}${i}`;
    this.#taken.add(n);
    return n;
  }
  reserve(n: string): void {
    this.#taken.add(n);
  }
  child(): Namer {
    return new Namer(this.#taken);
  }
}
