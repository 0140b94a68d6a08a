/** Parsing (cached) and evaluation of expr-lang expressions: the public face of `expr/`. */

import type { Node } from "./ast.js";
import { check } from "./check.js";
import { compile, identifiers, type Program } from "./compile.js";
import { EvalFailure, ExprError, formatAt } from "./errors.js";
import { parse } from "./parser.js";
import { formatGo, type GoMap, toJS } from "./value.js";

interface Parsed {
  readonly tree: Node;
  readonly program: Program;
  paths?: Map<string, string[] | "all">;
}

const cache = new Map<string, Parsed | ExprError>();
const CACHE_LIMIT = 10_000;

function parsed(source: string): Parsed {
  let p = cache.get(source);
  if (p === undefined) {
    try {
      const tree = parse(source);
      p = { tree, program: compile(tree) };
    } catch (e) {
      p = toExprError(source, e);
    }
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(source, p);
  }
  if (p instanceof ExprError) throw p;
  return p;
}

function toExprError(source: string, e: unknown): ExprError {
  if (e instanceof ExprError) return e;
  if (e instanceof EvalFailure) {
    const { text, position } = formatAt(source, e.at, e.message);
    return new ExprError(source, text, position);
  }
  throw e;
}

/**
 * Parses an expr-lang expression (cached), to validate it before a run.
 *
 * @example
 * ```ts
 * parseExpr("inputs.parameters.n > 1"); // ok
 * parseExpr("1 +"); // throws ExprError: unexpected end of expression
 * ```
 */
export function parseExpr(source: string): Node {
  return parsed(source).tree;
}

/**
 * Evaluates an expression to expr-lang's own values: `bigint` for `int`, `number` for `float64`,
 * `null` for `nil`, arrays and plain objects. Env values are taken as they are (a JS `number` is a
 * float64, as JSON numbers are in Go; pass a `bigint` for an int). Throws {@link ExprError}.
 *
 * @example
 * ```ts
 * evaluateRaw("1 + 2", {}); // 3n
 * evaluateRaw("1 / 2", {}); // 0.5
 * ```
 */
export function evaluateRaw(source: string, env: Readonly<Record<string, unknown>>): unknown {
  return run(source, checked(source, env), env);
}

/** Parses and checks names (expr-lang's compile step); throws the compile error. */
function checked(source: string, env: Readonly<Record<string, unknown>>): Program {
  const { tree, program } = parsed(source);
  try {
    check(tree, env as GoMap);
  } catch (e) {
    throw toExprError(source, e);
  }
  return program;
}

function run(source: string, program: Program, env: Readonly<Record<string, unknown>>): unknown {
  try {
    return program.run(env as GoMap);
  } catch (err) {
    throw toExprError(source, err);
  }
}

/**
 * Evaluates an expr-lang expression against `env` and returns plain JavaScript (ints as numbers).
 *
 * @example
 * ```ts
 * evaluate("filter([1, 2, 3], # > 1)", {}); // [2, 3]
 * evaluate("inputs.parameters.x == 'a'", { inputs: { parameters: { x: "a" } } }); // true
 * ```
 */
export function evaluate(source: string, env: Readonly<Record<string, unknown>>): unknown {
  return toJS(evaluateRaw(source, env));
}

/**
 * Argo's `argoexpr.EvalBool`: the expression must evaluate to a boolean (retry `expression`,
 * hooks' `expression`, `depends`).
 *
 * @example
 * ```ts
 * evaluateBool("a.Succeeded || b.Failed", { a: { Succeeded: true }, b: { Failed: false } }); // true
 * ```
 */
export function evaluateBool(source: string, env: Readonly<Record<string, unknown>>): boolean {
  const program = checked(source, env);
  let v: unknown;
  try {
    v = run(source, program, env);
  } catch (e) {
    if (e instanceof ExprError)
      throw new ExprError(source, `unable to evaluate expression '${source}': ${e.detail}`, e.position);
    throw e;
  }
  if (typeof v !== "boolean") throw new ExprError(source, `unable to cast expression result '${formatGo(v)}' to bool`);
  return v;
}

/**
 * The text Argo makes of an expression result where it stores a parameter value
 * (`valueFrom.expression`: Go's `fmt.Sprintf("%v", v)`): `1e+06`, `[1 2]`, `map[a:1]`, `<nil>`.
 *
 * @example
 * ```ts
 * formatValue(evaluateRaw("asInt('3') * 2", argoEnv({}))); // "6"
 * ```
 */
export function formatValue(v: unknown): string {
  return formatGo(v);
}

/**
 * The env paths an expression reads: for each top-level name, the static member paths it reads
 * (`tasks.a.outputs.result`), or `"all"` when it uses the name otherwise (`len(tasks)`, `tasks[x]`).
 *
 * @example
 * ```ts
 * exprEnvPaths("tasks.a.outputs.result + item"); // Map { "tasks" => ["tasks.a.outputs.result"], "item" => "all" }
 * ```
 */
export function exprEnvPaths(source: string): ReadonlyMap<string, readonly string[] | "all"> {
  const p = parsed(source);
  return (p.paths ??= envPaths(p.tree));
}

function envPaths(tree: Node): Map<string, string[] | "all"> {
  const out = new Map<string, string[] | "all">();
  const all = (name: string) => out.set(name, "all");
  const add = (name: string, path: string) => {
    const cur = out.get(name);
    if (cur === "all") return;
    if (cur) cur.push(path);
    else out.set(name, [path]);
  };
  const visit = (n: Node, lets: ReadonlySet<string>): void => {
    if (n.k === "member") {
      const parts: string[] = [];
      let cur: Node = n;
      while (cur.k === "member" && cur.property.k === "string") {
        parts.unshift(cur.property.value);
        cur = cur.node;
      }
      if (cur.k === "ident" && !lets.has(cur.name) && cur.name !== "$env") {
        add(cur.name, [cur.name, ...parts].join("."));
        return;
      }
    }
    if (n.k === "ident") {
      if (!lets.has(n.name)) all(n.name);
      return;
    }
    if (n.k === "let") {
      visit(n.value, lets);
      visit(n.body, new Set([...lets, n.name]));
      return;
    }
    forEachChild(n, (c) => visit(c, lets));
  };
  visit(tree, new Set());
  return out;
}

function forEachChild(n: Node, f: (c: Node) => void): void {
  switch (n.k) {
    case "unary":
    case "predicate":
    case "chain":
      f(n.node);
      return;
    case "binary":
      f(n.left);
      f(n.right);
      return;
    case "member":
      f(n.node);
      f(n.property);
      return;
    case "slice":
      f(n.node);
      if (n.from) f(n.from);
      if (n.to) f(n.to);
      return;
    case "call":
      f(n.callee);
      for (const a of n.args) f(a);
      return;
    case "builtin":
      for (const a of n.args) f(a);
      return;
    case "array":
    case "seq":
      for (const c of n.nodes) f(c);
      return;
    case "cond":
      f(n.cond);
      f(n.a);
      f(n.b);
      return;
    case "map":
      for (const [a, b] of n.pairs) {
        f(a);
        f(b);
      }
      return;
    case "let":
      f(n.value);
      f(n.body);
      return;
  }
}

/**
 * The identifiers an expression references (`a`, `a.b.c` for member paths), as Argo's
 * `getIdentifiers` lists them: member paths guarded by `??` or `?.` are left out.
 *
 * @example
 * ```ts
 * exprIdentifiers("item.a ?? 'x'"); // ["item"]
 * ```
 */
export function exprIdentifiers(source: string, isEnvKey?: (name: string) => boolean): string[] {
  return identifiers(parsed(source).tree, isEnvKey);
}
