/**
 * The environment Argo gives expressions (util/expr/env `GetFuncMap`): the flat replace map
 * expanded into nested maps (`inputs.parameters.x` -> `inputs: { parameters: { x } }`), plus
 * `asInt`, `asFloat`, `jsonpath`, `toJson` and the `sprig` functions.
 */

import { builtinFloat, builtinInt } from "./builtins.js";
import { jsonPathQuery } from "./jsonpath.js";
import { panic } from "./ops.js";
import { sprig } from "./sprig.js";
import { goFromJSON, goJSON, goTypeName, type GoFunc, type GoMap } from "./value.js";

function one(name: string, f: (x: unknown) => unknown): GoFunc {
  return (args) => {
    if (args.length !== 1) panic(`invalid number of arguments: expected 1, got ${args.length}`);
    return f(args[0]);
  };
  void name;
}

function str(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  return panic(`reflect: Call using ${goTypeName(v)} as type string`);
}

/** Argo's functions, as env entries. */
export const argoFunctions: Readonly<Record<string, unknown>> = {
  asInt: one("asInt", builtinInt),
  asFloat: one("asFloat", builtinFloat),
  toJson: one("toJson", (v) => goJSON(v)),
  jsonpath: ((args) => {
    if (args.length !== 2) panic(`invalid number of arguments: expected 2, got ${args.length}`);
    return jsonPathQuery(str(args[1]), goFromJSON(str(args[0])));
  }) as GoFunc,
  sprig,
};

/**
 * Argo's `expand.Expand`: dotted keys become nested maps; a key that is also the parent of other
 * keys (`a` beside `a.b`) is dropped, as Argo's `removeConflicts` intends.
 *
 * @example
 * ```ts
 * expandScope({ "inputs.parameters.x": "1" }); // { inputs: { parameters: { x: "1" } } }
 * ```
 */
export function expandScope(scope: Readonly<Record<string, unknown>>): GoMap {
  const out: GoMap = {};
  const keys = Object.keys(scope).sort();
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    // Sorted keys: every "k.*" child sorts after k, within the next keys that start with "k".
    let parent = false;
    for (let j = i + 1; j < keys.length && (keys[j] as string).startsWith(k); j++) {
      if ((keys[j] as string).startsWith(`${k}.`)) {
        parent = true;
        break;
      }
    }
    if (parent) continue;
    const parts = k.split(".");
    let m = out;
    for (let p = 0; p < parts.length - 1; p++) {
      const seg = parts[p] as string;
      const next = Object.prototype.hasOwnProperty.call(m, seg) ? m[seg] : undefined;
      if (typeof next === "object" && next !== null && !Array.isArray(next)) m = next as GoMap;
      else {
        const fresh: GoMap = {};
        m[seg] = fresh;
        m = fresh;
      }
    }
    const leaf = parts[parts.length - 1] as string;
    if (!Object.prototype.hasOwnProperty.call(m, leaf)) m[leaf] = scope[k] === undefined ? null : scope[k];
  }
  return out;
}

/**
 * The env of an expression evaluated on Argo's flat scope: the expanded scope and Argo's functions.
 *
 * @example
 * ```ts
 * evaluate("asInt(inputs.parameters.n) + 1", argoEnv({ "inputs.parameters.n": "2" })); // 3
 * ```
 */
export function argoEnv(scope: Readonly<Record<string, unknown>>): GoMap {
  const env = expandScope(scope);
  Object.assign(env, argoFunctions);
  return env;
}
