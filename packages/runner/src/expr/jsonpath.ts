/**
 * JSONPath queries for Argo's `jsonpath(json, path)` (evilmonkeyinc/jsonpath semantics for the
 * forms workflows use): `$.a.b`, `$['a']`, `$[0]`, `$[-1]`, `$[*]`, `$.*`, `$[0,2]`, `$[1:3]`,
 * `$..name`, and filters `[?(@.age > 42 && @.name == "x")]`. A definite path yields its value;
 * a wildcard, union, slice, filter or recursive descent yields an array.
 */

import { panic } from "./ops.js";
import { deepEqual, type GoMap, isMap } from "./value.js";

type Step =
  | { readonly t: "key"; readonly keys: readonly string[] }
  | { readonly t: "index"; readonly ix: readonly number[] }
  | { readonly t: "wild" }
  | { readonly t: "slice"; readonly from?: number; readonly to?: number; readonly step?: number }
  | { readonly t: "filter"; readonly expr: string }
  | { readonly t: "recurse"; readonly key: string | undefined };

function parsePath(path: string): Step[] {
  if (!path.startsWith("$")) panic(`invalid JSONPath query '${path}' it must start with '$'`);
  const steps: Step[] = [];
  let i = 1;
  while (i < path.length) {
    const c = path[i];
    if (c === "." && path[i + 1] === ".") {
      i += 2;
      const m = /^(\*|[^.[\s]+)?/.exec(path.slice(i)) as RegExpExecArray;
      steps.push({ t: "recurse", key: m[1] === "*" ? undefined : m[1] });
      i += m[0].length;
    } else if (c === ".") {
      i++;
      const m = /^[^.[]+/.exec(path.slice(i));
      if (!m) panic(`invalid JSONPath query '${path}'`);
      steps.push(m[0] === "*" ? { t: "wild" } : { t: "key", keys: [m[0]] });
      i += m[0].length;
    } else if (c === "[") {
      const close = matchBracket(path, i);
      const inner = path.slice(i + 1, close).trim();
      i = close + 1;
      if (inner === "*") steps.push({ t: "wild" });
      else if (inner.startsWith("?(") && inner.endsWith(")")) steps.push({ t: "filter", expr: inner.slice(2, -1) });
      else if (/^['"]/.test(inner)) steps.push({ t: "key", keys: inner.split(/\s*,\s*/).map((k) => k.slice(1, -1)) });
      else if (inner.includes(":")) {
        const [a, b, s] = inner.split(":").map((x) => (x.trim() === "" ? undefined : Number(x)));
        steps.push({
          t: "slice",
          ...(a !== undefined && { from: a }),
          ...(b !== undefined && { to: b }),
          ...(s !== undefined && { step: s }),
        });
      } else if (/^-?\d+(\s*,\s*-?\d+)*$/.test(inner)) steps.push({ t: "index", ix: inner.split(",").map(Number) });
      else steps.push({ t: "key", keys: [inner] });
    } else panic(`invalid JSONPath query '${path}'`);
  }
  return steps;
}

function matchBracket(s: string, open: number): number {
  let depth = 0;
  let quote: string | undefined;
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === quote) quote = undefined;
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    else if (c === "[") depth++;
    else if (c === "]" && --depth === 0) return i;
  }
  return panic(`invalid JSONPath query '${s}' missing ']'`);
}

function definite(steps: readonly Step[]): boolean {
  return steps.every((s) => (s.t === "key" && s.keys.length === 1) || (s.t === "index" && s.ix.length === 1));
}

/** Runs a JSONPath query over a decoded JSON value. */
export function jsonPathQuery(path: string, root: unknown): unknown {
  const steps = parsePath(path.trim());
  let cur: unknown[] = [root];
  for (const s of steps) cur = cur.flatMap((v) => apply(s, v, root, definite(steps)));
  return definite(steps) ? cur[0] : cur;
}

function apply(s: Step, v: unknown, root: unknown, strict: boolean): unknown[] {
  switch (s.t) {
    case "key":
      if (!isMap(v))
        return strict
          ? panic(`key: invalid token target. expected [map] got [${Array.isArray(v) ? "slice" : typeof v}]`)
          : [];
      return s.keys.flatMap((k) =>
        Object.hasOwn(v, k) ? [v[k]] : strict ? panic(`key: invalid token key '${k}' not found`) : [],
      );
    case "index":
      if (!Array.isArray(v))
        return strict
          ? panic(`index: invalid token target. expected [array slice] got [${isMap(v) ? "map" : typeof v}]`)
          : [];
      return s.ix.flatMap((i) => {
        const j = i < 0 ? v.length + i : i;
        return j >= 0 && j < v.length ? [v[j]] : strict ? panic(`index: invalid token out of range`) : [];
      });
    case "wild":
      return Array.isArray(v)
        ? v
        : isMap(v)
          ? Object.keys(v)
              .sort()
              .map((k) => v[k])
          : [];
    case "slice": {
      if (!Array.isArray(v)) return [];
      const n = v.length;
      const norm = (x: number) => (x < 0 ? Math.max(0, n + x) : Math.min(n, x));
      const from = norm(s.from ?? 0);
      const to = norm(s.to ?? n);
      const step = s.step ?? 1;
      const out: unknown[] = [];
      for (let i = from; i < to; i += step) out.push(v[i]);
      return out;
    }
    case "filter": {
      const items = Array.isArray(v)
        ? v
        : isMap(v)
          ? Object.keys(v)
              .sort()
              .map((k) => v[k])
          : [];
      return items.filter((item) => truthy(evalFilter(s.expr, item, root)));
    }
    case "recurse": {
      const out: unknown[] = [];
      const visit = (x: unknown) => {
        if (isMap(x)) {
          if (s.key === undefined)
            out.push(
              ...Object.keys(x)
                .sort()
                .map((k) => x[k]),
            );
          else if (Object.hasOwn(x, s.key)) out.push(x[s.key]);
          for (const k of Object.keys(x).sort()) visit(x[k]);
        } else if (Array.isArray(x)) {
          if (s.key === undefined) out.push(...x);
          for (const e of x) visit(e);
        }
      };
      visit(v);
      return out;
    }
  }
}

function truthy(v: unknown): boolean {
  return v !== undefined && v !== null && v !== false;
}

/** Filter expressions: `@.path` / `$.path`, literals, `== != < <= > >=`, `&& ||`, `!`, parentheses. */
function evalFilter(expr: string, item: unknown, root: unknown): unknown {
  const toks =
    expr.match(
      /@[.\w[\]'"*-]*|\$[.\w[\]'"*-]*|'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|==|!=|<=|>=|=~|&&|\|\||[<>!()]|true|false|null/g,
    ) ?? [];
  let i = 0;
  const peek = () => toks[i];
  const or = (): unknown => {
    let l = and();
    while (peek() === "||") {
      i++;
      const r = and();
      l = truthy(l) || truthy(r);
    }
    return l;
  };
  const and = (): unknown => {
    let l = cmp();
    while (peek() === "&&") {
      i++;
      const r = cmp();
      l = truthy(l) && truthy(r);
    }
    return l;
  };
  const cmp = (): unknown => {
    const l = unary();
    const op = peek();
    if (op && ["==", "!=", "<", "<=", ">", ">="].includes(op)) {
      i++;
      const r = unary();
      switch (op) {
        case "==":
          return deepEqual(l, r);
        case "!=":
          return !deepEqual(l, r);
      }
      if (!((typeof l === "number" && typeof r === "number") || (typeof l === "string" && typeof r === "string")))
        return false;
      return op === "<" ? l < r : op === "<=" ? l <= r : op === ">" ? l > r : l >= r;
    }
    return l;
  };
  const unary = (): unknown => {
    const t = toks[i++];
    if (t === undefined) return undefined;
    if (t === "!") return !truthy(unary());
    if (t === "(") {
      const v = or();
      i++;
      return v;
    }
    if (t.startsWith("@") || t.startsWith("$")) {
      try {
        return jsonPathQuery(`$${t.slice(1)}`, t.startsWith("@") ? item : root);
      } catch {
        return undefined;
      }
    }
    if (t.startsWith("'") || t.startsWith('"')) return t.slice(1, -1).replace(/\\(.)/g, "$1");
    if (t === "true") return true;
    if (t === "false") return false;
    if (t === "null") return null;
    return Number(t);
  };
  return or();
}

export type { GoMap };
