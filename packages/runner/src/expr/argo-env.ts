/**
 * The environment Argo gives expressions (util/expr/env `GetFuncMap`): the flat replace map
 * expanded into nested maps (`inputs.parameters.x` -> `inputs: { parameters: { x } }`), plus
 * `asInt`, `asFloat`, `jsonpath`, `toJson` and the `sprig` functions.
 */

import { builtinFloat, builtinInt } from "./builtins.js";
import { jsonPathQuery } from "./jsonpath.js";
import { panic } from "./ops.js";
import { sprig } from "./sprig.js";
import { type GoFunc, type GoMap, goFromJSON, goJSON, goTypeName } from "./value.js";

function one(_name: string, f: (x: unknown) => unknown): GoFunc {
  return (args) => {
    if (args.length !== 1) panic(`invalid number of arguments: expected 1, got ${args.length}`);
    return f(args[0]);
  };
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
      const next = Object.hasOwn(m, seg) ? m[seg] : undefined;
      if (typeof next === "object" && next !== null && !Array.isArray(next)) m = next as GoMap;
      else {
        const fresh: GoMap = {};
        m[seg] = fresh;
        m = fresh;
      }
    }
    const leaf = parts[parts.length - 1] as string;
    if (!Object.hasOwn(m, leaf)) m[leaf] = scope[k] === undefined ? null : scope[k];
  }
  return out;
}

/**
 * The part of {@link argoEnv} an expression can see, built from the paths it reads (see
 * `exprEnvPaths`): the same values and the same missing names as the full env, without expanding
 * a whole 1000-task scope for every tag.
 *
 * @example
 * ```ts
 * argoEnvFor({ "tasks.a.outputs.result": "x", "tasks.b.id": "y" }, new Map([["tasks", ["tasks.a.outputs.result"]]]));
 * // { tasks: { a: { outputs: { result: "x" } } }, asInt, asFloat, jsonpath, toJson, sprig }
 * ```
 */
export function argoEnvFor(
  scope: Readonly<Record<string, unknown>>,
  paths: ReadonlyMap<string, readonly string[] | "all">,
): GoMap {
  if (paths.has("$env")) return argoEnv(scope);
  const fast = exactEnv(scope, paths);
  if (fast) return fast;
  // For each static path a.b.c: keys equal to it, under it, or above it; and the proper prefixes
  // (a, a.b) that have children in the scope, which must exist as maps.
  const exact = new Set<string>();
  const under: string[] = [];
  const parents = new Set<string>();
  for (const [root, ps] of paths) {
    if (ps === "all") {
      exact.add(root);
      under.push(root);
    } else
      for (const p of ps) {
        exact.add(p);
        under.push(p);
        const parts = p.split(".");
        for (let i = 1; i < parts.length; i++) {
          const q = parts.slice(0, i).join(".");
          exact.add(q);
          parents.add(q);
        }
      }
  }
  const subset: Record<string, unknown> = {};
  const present = new Set<string>();
  const pending = [...parents];
  const below = (k: string, u: string) => k.length > u.length && k.charCodeAt(u.length) === 46 && k.startsWith(u);
  for (const k in scope) {
    if (!Object.hasOwn(scope, k)) continue;
    let take = exact.has(k);
    for (let i = 0; !take && i < under.length; i++) take = below(k, under[i] as string);
    if (take) subset[k] = scope[k];
    for (let i = 0; i < pending.length; i++) {
      const q = pending[i] as string;
      if (below(k, q)) {
        present.add(q);
        pending.splice(i--, 1);
      }
    }
  }
  const env = expandScope(subset);
  for (const q of [...present].sort((a, b) => a.length - b.length)) {
    let m = env;
    for (const seg of q.split(".")) {
      const next = Object.hasOwn(m, seg) ? m[seg] : undefined;
      if (typeof next === "object" && next !== null && !Array.isArray(next)) m = next as GoMap;
      else {
        const fresh: GoMap = {};
        m[seg] = fresh;
        m = fresh;
      }
    }
  }
  Object.assign(env, argoFunctions);
  return env;
}

/**
 * The env without enumerating the scope, when every name the expression reads is a static path
 * that is itself a key (`tasks.a.outputs.result`), or a name absent from the scope (a function).
 * Enumerating a 4000-key scope costs about a millisecond, per tag.
 */
function exactEnv(
  scope: Readonly<Record<string, unknown>>,
  paths: ReadonlyMap<string, readonly string[] | "all">,
): GoMap | undefined {
  const env: GoMap = {};
  for (const [root, ps] of paths) {
    if (ps === "all") {
      // A function name (asInt, sprig, ...) or a builtin; anything in the scope needs the slow path.
      if (Object.hasOwn(argoFunctions, root) && !Object.hasOwn(scope, root)) continue;
      return undefined;
    }
    for (const p of ps) {
      if (root in argoFunctions && !Object.hasOwn(scope, p)) continue;
      if (!Object.hasOwn(scope, p) || scope[p] === undefined) return undefined;
      const parts = p.split(".");
      let m = env;
      for (let i = 0; i < parts.length - 1; i++) {
        const seg = parts[i] as string;
        if (Object.hasOwn(scope, parts.slice(0, i + 1).join("."))) return undefined; // a leaf that is also a parent
        const next = Object.hasOwn(m, seg) ? m[seg] : undefined;
        if (typeof next === "object" && next !== null && !Array.isArray(next)) m = next as GoMap;
        else {
          const fresh: GoMap = {};
          m[seg] = fresh;
          m = fresh;
        }
      }
      m[parts[parts.length - 1] as string] = scope[p];
    }
  }
  Object.assign(env, argoFunctions);
  return env;
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
