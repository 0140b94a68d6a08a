/**
 * expr-lang's compile-time checker (checker/checker.go), for what it can know from a map env:
 * unknown names, and operators on operands whose types are known (literals, top-level env values,
 * builtin results). Values read out of nested maps are `interface {}` (unknown) and pass, as in
 * expr-lang; their errors come at run time. The first error in visiting order is reported.
 */

import type { Node } from "./ast.js";
import { builtins } from "./builtins.js";
import { EvalFailure } from "./errors.js";
import { GoDuration, type GoMap, GoTime, hasKey } from "./value.js";

type Kind = "unknown" | "nil" | "int" | "float" | "string" | "bool" | "time" | "duration" | "array" | "map" | "func";

interface Nature {
  readonly k: Kind;
  /** Element nature of an array (`1..3` is `[]int`). */
  readonly elem?: Nature;
}

const unknown: Nature = { k: "unknown" };
const n = (k: Kind): Nature => ({ k });
const BOOL = n("bool");
const INT = n("int");
const FLOAT = n("float");
const STRING = n("string");
const ARRAY = n("array");

const typeName: Record<Kind, string> = {
  unknown: "unknown",
  nil: "unknown",
  int: "int",
  float: "float64",
  string: "string",
  bool: "bool",
  time: "time.Time",
  duration: "time.Duration",
  array: "[]interface {}",
  map: "map[string]interface {}",
  func: "func",
};

function str(x: Nature): string {
  if (x.k === "array" && x.elem?.k === "int") return "[]int";
  return typeName[x.k];
}

function natureOf(v: unknown): Nature {
  if (v === null || v === undefined) return n("nil");
  switch (typeof v) {
    case "bigint":
      return INT;
    case "number":
      return FLOAT;
    case "string":
      return STRING;
    case "boolean":
      return BOOL;
    case "function":
      return n("func");
  }
  if (Array.isArray(v)) return ARRAY;
  if (v instanceof GoTime) return n("time");
  if (v instanceof GoDuration) return n("duration");
  return n("map");
}

const isUnknown = (x: Nature) => x.k === "unknown";
const isNumber = (x: Nature) => x.k === "int" || x.k === "float";
const maybe = (l: Nature, r: Nature, ...ks: Kind[]) =>
  (isUnknown(l) && isUnknown(r)) || (isUnknown(l) && ks.includes(r.k)) || (isUnknown(r) && ks.includes(l.k));
const promote = (l: Nature, r: Nature) => (l.k === "int" && r.k === "int" ? INT : FLOAT);

/** Builtin result natures (the rest are unknown). */
const returns: Record<string, Nature> = {
  len: INT,
  type: STRING,
  int: INT,
  float: FLOAT,
  string: STRING,
  trim: STRING,
  trimPrefix: STRING,
  trimSuffix: STRING,
  upper: STRING,
  lower: STRING,
  split: ARRAY,
  splitAfter: ARRAY,
  replace: STRING,
  repeat: STRING,
  join: STRING,
  indexOf: INT,
  lastIndexOf: INT,
  hasPrefix: BOOL,
  hasSuffix: BOOL,
  mean: FLOAT,
  median: FLOAT,
  ceil: FLOAT,
  floor: FLOAT,
  round: FLOAT,
  toJSON: STRING,
  toBase64: STRING,
  fromBase64: STRING,
  now: n("time"),
  duration: n("duration"),
  date: n("time"),
  timezone: unknown,
  keys: ARRAY,
  values: ARRAY,
  toPairs: ARRAY,
  fromPairs: n("map"),
  reverse: ARRAY,
  uniq: ARRAY,
  concat: ARRAY,
  flatten: ARRAY,
  sort: ARRAY,
  all: BOOL,
  any: BOOL,
  none: BOOL,
  one: BOOL,
  filter: ARRAY,
  map: ARRAY,
  count: INT,
  findIndex: INT,
  findLastIndex: INT,
  sortBy: ARRAY,
};

/** Env functions whose result type is known (Argo's `toJson`). */
const envReturns: Record<string, Nature> = { toJson: STRING };

/** Checks a tree against an env; throws the first compile error as an {@link EvalFailure}. */
export function check(root: Node, env: GoMap): void {
  let first: EvalFailure | undefined;
  const fail = (at: number, msg: string): Nature => {
    first ??= new EvalFailure(msg, at);
    return unknown;
  };
  const ident = (name: string, at: number, strict: boolean): Nature => {
    if (hasKey(env, name)) return natureOf(env[name]);
    if (builtins[name]) return n("func");
    return strict ? fail(at, `unknown name ${name}`) : unknown;
  };

  const visit = (x: Node, lets: ReadonlyMap<string, Nature>): Nature => {
    switch (x.k) {
      case "nil":
        return n("nil");
      case "bool":
        return BOOL;
      case "int":
        return INT;
      case "float":
        return FLOAT;
      case "string":
        return STRING;
      case "ident":
        if (lets.has(x.name)) return lets.get(x.name) as Nature;
        if (x.name === "$env") return unknown;
        return ident(x.name, x.at, true);
      case "pointer":
        return x.name === "index" ? INT : unknown;
      case "unary": {
        const t = visit(x.node, lets);
        if (x.op === "!" || x.op === "not")
          return t.k === "bool" || isUnknown(t)
            ? BOOL
            : fail(x.at, `invalid operation: ${x.op} (mismatched type ${str(t)})`);
        return isNumber(t)
          ? t
          : isUnknown(t)
            ? unknown
            : fail(x.at, `invalid operation: ${x.op} (mismatched type ${str(t)})`);
      }
      case "binary":
        return binary(x, visit(x.left, lets), visit(x.right, lets));
      case "member": {
        if (x.node.k === "ident" && x.node.name === "$env" && !lets.has("$env") && x.property.k === "string")
          return ident(x.property.value, x.at, !x.optional);
        const base = visit(x.node, lets);
        const prop = visit(x.property, lets);
        if (isUnknown(base)) return unknown;
        if (base.k === "nil" && x.property.k === "string")
          return fail(x.at, `type nil has no field ${x.property.value}`);
        if (base.k === "map" && !isUnknown(prop) && prop.k !== "string")
          return fail(x.property.at, `cannot use ${str(prop)} to get an element from ${str(base)}`);
        if (base.k === "array") {
          if (!isUnknown(prop) && !isNumber(prop))
            return fail(x.property.at, `array elements can only be selected using an integer (got ${str(prop)})`);
          return base.elem ?? unknown;
        }
        return unknown;
      }
      case "slice": {
        const base = visit(x.node, lets);
        if (x.from) visit(x.from, lets);
        if (x.to) visit(x.to, lets);
        return base.k === "array" || base.k === "string" ? base : unknown;
      }
      case "call": {
        if (x.callee.k === "ident" && !lets.has(x.callee.name)) {
          const name = x.callee.name;
          const t = ident(name, x.callee.at, true);
          for (const a of x.args) visit(a, lets);
          if (hasKey(env, name)) return envReturns[name] ?? unknown;
          return t.k === "func" ? (returns[name] ?? unknown) : unknown;
        }
        visit(x.callee, lets);
        for (const a of x.args) visit(a, lets);
        return unknown;
      }
      case "builtin": {
        const [arr, ...rest] = x.args;
        const a = arr ? visit(arr, lets) : unknown;
        for (const r of rest) visit(r, lets);
        if (x.name === "map" || x.name === "filter" || x.name === "sortBy")
          return x.name === "filter" && a.k === "array" ? a : ARRAY;
        return returns[x.name] ?? unknown;
      }
      case "predicate":
        return visit(x.node, lets);
      case "chain":
        return visit(x.node, lets);
      case "cond": {
        const c = visit(x.cond, lets);
        if (c.k !== "bool" && !isUnknown(c))
          return fail(x.cond.at, `non-bool expression (type ${str(c)}) used as condition`);
        const a = visit(x.a, lets);
        const b = visit(x.b, lets);
        if (a.k === "nil") return b;
        if (b.k === "nil") return a;
        return a.k === b.k ? a : unknown;
      }
      case "array":
        for (const e of x.nodes) visit(e, lets);
        return ARRAY;
      case "map":
        for (const [k, v] of x.pairs) {
          visit(k, lets);
          visit(v, lets);
        }
        return n("map");
      case "let": {
        const v = visit(x.value, lets);
        const inner = new Map(lets);
        inner.set(x.name, v);
        return visit(x.body, inner);
      }
      case "seq": {
        let t: Nature = unknown;
        for (const e of x.nodes) t = visit(e, lets);
        return t;
      }
    }
  };

  const binary = (x: Extract<Node, { k: "binary" }>, l: Nature, r: Nature): Nature => {
    const ok = (t: Nature | undefined): Nature | undefined => t;
    let res: Nature | undefined;
    switch (x.op) {
      case "==":
      case "!=":
        if (
          isUnknown(l) ||
          isUnknown(r) ||
          l.k === "nil" ||
          r.k === "nil" ||
          (isNumber(l) && isNumber(r)) ||
          l.k === r.k
        )
          res = BOOL;
        break;
      case "or":
      case "||":
      case "and":
      case "&&":
        if ((l.k === "bool" && r.k === "bool") || maybe(l, r, "bool")) res = BOOL;
        break;
      case "<":
      case ">":
      case "<=":
      case ">=":
        if (
          (isNumber(l) && isNumber(r)) ||
          (l.k === r.k && ["string", "time", "duration"].includes(l.k)) ||
          maybe(l, r, "int", "float", "string", "time", "duration")
        )
          res = BOOL;
        break;
      case "-":
        if (isNumber(l) && isNumber(r)) res = promote(l, r);
        else if (l.k === "time" && r.k === "time") res = n("duration");
        else if (l.k === "time" && r.k === "duration") res = n("time");
        else if (l.k === "duration" && r.k === "duration") res = n("duration");
        else if (maybe(l, r, "int", "float", "time", "duration")) res = unknown;
        break;
      case "*":
        if (isNumber(l) && isNumber(r)) res = promote(l, r);
        else if ((isNumber(l) && r.k === "duration") || (l.k === "duration" && (isNumber(r) || r.k === "duration")))
          res = n("duration");
        else if (maybe(l, r, "int", "float", "duration")) res = unknown;
        break;
      case "/":
      case "**":
      case "^":
        if ((isNumber(l) && isNumber(r)) || maybe(l, r, "int", "float")) res = FLOAT;
        break;
      case "%":
        if ((l.k === "int" && r.k === "int") || maybe(l, r, "int")) res = INT;
        break;
      case "+":
        if (isNumber(l) && isNumber(r)) res = promote(l, r);
        else if (l.k === "string" && r.k === "string") res = STRING;
        else if ((l.k === "time" && r.k === "duration") || (l.k === "duration" && r.k === "time")) res = n("time");
        else if (l.k === "duration" && r.k === "duration") res = n("duration");
        else if (maybe(l, r, "int", "float", "string", "time", "duration")) res = unknown;
        break;
      case "in":
        if (r.k === "map") {
          if (!isUnknown(l) && l.k !== "string") return fail(x.at, `cannot use ${str(l)} as type string in map key`);
          res = BOOL;
        } else if (r.k === "array") {
          const e = r.elem ?? unknown;
          if (!(isUnknown(l) || isUnknown(e) || l.k === "nil" || (isNumber(l) && isNumber(e)) || l.k === e.k))
            return fail(x.at, `cannot use ${str(l)} as type ${str(e)} in array`);
          res = BOOL;
        } else if ((isUnknown(l) && ["string", "array", "map"].includes(r.k)) || isUnknown(r)) res = BOOL;
        break;
      case "matches":
        if (x.right.k === "string") {
          try {
            new RegExp(x.right.value, "u");
          } catch (e) {
            return fail(
              x.at,
              `error parsing regexp: ${String((e as Error).message).replace(/^Invalid regular expression: /, "")}`,
            );
          }
        }
        if ((l.k === "string" && r.k === "string") || maybe(l, r, "string")) res = BOOL;
        break;
      case "contains":
      case "startsWith":
      case "endsWith":
        if ((l.k === "string" && r.k === "string") || maybe(l, r, "string")) res = BOOL;
        break;
      case "..":
        if ((l.k === "int" && r.k === "int") || maybe(l, r, "int")) res = { k: "array", elem: INT };
        break;
      case "??":
        if (l.k === "nil") return r;
        if (r.k === "nil") return l;
        return l.k === r.k ? l : unknown;
      default:
        return fail(x.at, `unknown operator (${x.op})`);
    }
    return ok(res) ?? fail(x.at, `invalid operation: ${x.op} (mismatched types ${str(l)} and ${str(r)})`);
  };

  visit(root, new Map());
  if (first) throw first;
}
