/** Compiles an expr-lang tree to a JavaScript closure that evaluates it as expr-lang's VM does. */

import type { Node } from "./ast.js";
import { walk } from "./ast.js";
import { builtins } from "./builtins.js";
import { EvalFailure } from "./errors.js";
import * as ops from "./ops.js";
import { asString, GoPanic, panic, toBool } from "./ops.js";
import { formatGo, GoDuration, type GoMap, GoTime, goEqual, goTypeName, hasKey, isMap, isNil } from "./value.js";

interface Frame {
  readonly items: readonly unknown[];
  index: number;
  acc: unknown;
}

interface Ctx {
  readonly env: GoMap;
  readonly frames: Frame[];
  readonly vars: Map<string, unknown>;
}

type Fn = (c: Ctx) => unknown;

/** Unwinds an optional chain (`a?.b.c` with `a` nil) to its end. */
class ChainNil {}
const chainNil = new ChainNil();

/** A compiled expression. */
export interface Program {
  readonly run: (env: GoMap) => unknown;
  /** Free identifiers (not `let` variables) with their offsets, checked against the env first. */
  readonly names: readonly { readonly name: string; readonly at: number; readonly callee: boolean }[];
}

const regexCache = new Map<string, RegExp>();

/** Go RE2 to JavaScript: leading `(?flags)` become flags; the rest is shared syntax. */
export function goRegExp(pattern: string): RegExp {
  let re = regexCache.get(pattern);
  if (re) return re;
  let flags = "u";
  let src = pattern;
  const m = /^\(\?([imsU]+)\)/.exec(src);
  if (m) {
    if (m[1]!.includes("i")) flags += "i";
    if (m[1]!.includes("m")) flags += "m";
    if (m[1]!.includes("s")) flags += "s";
    src = src.slice(m[0].length);
  }
  src = src
    .replace(/\\z/g, "$")
    .replace(/\\A/g, "^")
    .replace(/\[\[:(\w+):\]\]/g, (_s, c: string) => posix[c] ?? _s);
  try {
    re = new RegExp(src, flags);
  } catch (e) {
    panic(`error parsing regexp: ${String((e as Error).message).replace(/^Invalid regular expression: /, "")}`);
  }
  if (regexCache.size > 500) regexCache.clear();
  regexCache.set(pattern, re);
  return re;
}

const posix: Record<string, string> = {
  alpha: "[A-Za-z]",
  digit: "[0-9]",
  alnum: "[A-Za-z0-9]",
  space: "[\\s]",
  upper: "[A-Z]",
  lower: "[a-z]",
  punct: "[!-\\/:-@\\[-`{-~]",
  xdigit: "[0-9A-Fa-f]",
};

/** Compiles a tree. */
export function compile(root: Node): Program {
  const names: { name: string; at: number; callee: boolean }[] = [];
  const fn = c(root, new Set());
  return {
    names,
    run: (env) => {
      const ctx: Ctx = { env, frames: [], vars: new Map() };
      const v = fn(ctx);
      return v instanceof ChainNil ? null : v;
    },
  };

  function guard(at: number, f: Fn): Fn {
    return (ctx) => {
      try {
        return f(ctx);
      } catch (e) {
        if (e instanceof GoPanic) throw new EvalFailure(e.message, at);
        throw e;
      }
    };
  }

  function c(n: Node, lets: ReadonlySet<string>): Fn {
    switch (n.k) {
      case "nil":
        return () => null;
      case "bool":
      case "int":
      case "float":
      case "string": {
        const v = n.value;
        return () => v;
      }
      case "ident": {
        const name = n.name;
        if (lets.has(name)) return (ctx) => ctx.vars.get(name);
        if (name === "$env") return (ctx) => ctx.env;
        names.push({ name, at: n.at, callee: false });
        return (ctx) => (hasKey(ctx.env, name) ? nil(ctx.env[name]) : (builtins[name] ?? null));
      }
      case "pointer": {
        const name = n.name;
        return guard(n.at, (ctx) => {
          const f = ctx.frames[ctx.frames.length - 1];
          if (!f) return panic("pointer outside predicate");
          if (name === "") return f.items[f.index];
          if (name === "index") return BigInt(f.index);
          if (name === "acc") return f.acc;
          return panic(`unknown pointer #${name}`);
        });
      }
      case "unary": {
        const x = c(n.node, lets);
        switch (n.op) {
          case "!":
          case "not":
            return guard(n.at, (ctx) => !toBool(unchain(x(ctx))));
          case "-":
            return guard(n.at, (ctx) => ops.negate(unchain(x(ctx))));
          default:
            return x;
        }
      }
      case "binary":
        return binary(n.op, c(n.left, lets), c(n.right, lets), n.at);
      case "chain": {
        const x = c(n.node, lets);
        return (ctx) => {
          const v = x(ctx);
          return v instanceof ChainNil ? null : v;
        };
      }
      case "member": {
        const base = c(n.node, lets);
        const prop = c(n.property, lets);
        const optional = n.optional;
        return guard(n.at, (ctx) => {
          const b = base(ctx);
          if (b instanceof ChainNil) return b;
          if (optional && isNil(b)) return chainNil;
          return ops.fetch(b, prop(ctx));
        });
      }
      case "slice": {
        const base = c(n.node, lets);
        const from = n.from ? c(n.from, lets) : () => 0n;
        const to = n.to ? c(n.to, lets) : undefined;
        return guard(n.at, (ctx) => {
          const b = unchain(base(ctx));
          const t = to ? to(ctx) : ops.len(b);
          return ops.slice(b, from(ctx), t);
        });
      }
      case "call": {
        const args = n.args.map((a) => c(a, lets));
        if (n.callee.k === "ident" && !lets.has(n.callee.name)) {
          const name = n.callee.name;
          names.push({ name, at: n.callee.at, callee: true });
          const builtin = builtins[name];
          return guard(n.at, (ctx) => {
            const vals = args.map((a) => unchain(a(ctx)));
            if (hasKey(ctx.env, name)) return callValue(ctx.env[name], vals);
            if (builtin) return builtin(vals);
            return panic("invalid operation: cannot call nil");
          });
        }
        const callee = c(n.callee, lets);
        return guard(n.at, (ctx) => {
          const f = callee(ctx);
          if (f instanceof ChainNil) return f;
          return callValue(
            f,
            args.map((a) => unchain(a(ctx))),
          );
        });
      }
      case "builtin":
        return predicate(n.name, n.args, n.at, lets);
      case "predicate":
        return c(n.node, lets);
      case "cond": {
        const cond = c(n.cond, lets);
        const a = c(n.a, lets);
        const b = c(n.b, lets);
        return guard(n.at, (ctx) => (toBool(unchain(cond(ctx))) ? unchain(a(ctx)) : unchain(b(ctx))));
      }
      case "array": {
        const xs = n.nodes.map((x) => c(x, lets));
        return (ctx) => xs.map((x) => unchain(x(ctx)));
      }
      case "map": {
        const ps = n.pairs.map(([k, v]) => [c(k, lets), c(v, lets)] as const);
        return guard(n.at, (ctx) => {
          const out: GoMap = {};
          for (const [k, v] of ps) out[asString(unchain(k(ctx)))] = unchain(v(ctx));
          return out;
        });
      }
      case "let": {
        const value = c(n.value, lets);
        const inner = new Set(lets);
        inner.add(n.name);
        const body = c(n.body, inner);
        const name = n.name;
        return (ctx) => {
          const had = ctx.vars.has(name);
          const prev = ctx.vars.get(name);
          ctx.vars.set(name, unchain(value(ctx)));
          try {
            return body(ctx);
          } finally {
            if (had) ctx.vars.set(name, prev);
            else ctx.vars.delete(name);
          }
        };
      }
      case "seq": {
        const xs = n.nodes.map((x) => c(x, lets));
        return (ctx) => {
          let v: unknown = null;
          for (const x of xs) v = x(ctx);
          return v;
        };
      }
    }
  }

  function binary(op: string, l: Fn, r: Fn, at: number): Fn {
    const both = (f: (a: unknown, b: unknown) => unknown): Fn =>
      guard(at, (ctx) => f(unchain(l(ctx)), unchain(r(ctx))));
    switch (op) {
      case "==":
        return both(goEqual);
      case "!=":
        return both((a, b) => !goEqual(a, b));
      case "or":
      case "||":
        return guard(at, (ctx) => (toBool(unchain(l(ctx))) ? true : unchain(r(ctx))));
      case "and":
      case "&&":
        return guard(at, (ctx) => (!toBool(unchain(l(ctx))) ? false : unchain(r(ctx))));
      case "<":
        return both(ops.less);
      case ">":
        return both(ops.more);
      case "<=":
        return both(ops.lessOrEqual);
      case ">=":
        return both(ops.moreOrEqual);
      case "+":
        return both(ops.add);
      case "-":
        return both(ops.subtract);
      case "*":
        return both(ops.multiply);
      case "/":
        return both(ops.divide);
      case "%":
        return both(ops.modulo);
      case "**":
      case "^":
        return both(ops.exponent);
      case "in":
        return both(ops.inOp);
      case "matches":
        return both((a, b) => (isNil(a) || isNil(b) ? false : goRegExp(asString(b)).test(asString(a))));
      case "contains":
        return both((a, b) => (isNil(a) || isNil(b) ? false : asString(a).includes(asString(b))));
      case "startsWith":
        return both((a, b) => (isNil(a) || isNil(b) ? false : asString(a).startsWith(asString(b))));
      case "endsWith":
        return both((a, b) => (isNil(a) || isNil(b) ? false : asString(a).endsWith(asString(b))));
      case "..":
        return both((a, b) => {
          const lo = ops.toInt(a);
          const hi = ops.toInt(b);
          if (hi - lo > 1000000n) panic("memory budget exceeded");
          const out: bigint[] = [];
          for (let i = lo; i <= hi; i++) out.push(i);
          return out;
        });
      case "??":
        return (ctx) => {
          const a = unchain(l(ctx));
          return isNil(a) ? unchain(r(ctx)) : a;
        };
    }
    return () => panic(`unknown operator (${op})`);
  }

  function predicate(name: string, argNodes: readonly Node[], at: number, lets: ReadonlySet<string>): Fn {
    const [arrNode, predNode, extraNode] = argNodes;
    const arr = c(arrNode as Node, lets);
    const pred = predNode ? c(predNode, lets) : undefined;
    const extra = extraNode ? c(extraNode, lets) : undefined;
    return guard(at, (ctx) => {
      const items = unchain(arr(ctx));
      if (!Array.isArray(items)) return panic(`cannot iterate over ${goTypeName(items)}`);
      const frame: Frame = { items, index: 0, acc: null };
      ctx.frames.push(frame);
      try {
        const each = (f: (v: unknown, item: unknown, i: number) => boolean | void) => {
          for (frame.index = 0; frame.index < items.length; frame.index++) {
            if (f(pred ? unchain(pred(ctx)) : null, items[frame.index], frame.index) === false) return;
          }
        };
        const truth = (v: unknown) => toBool(v);
        switch (name) {
          case "all": {
            let ok = true;
            each((v) => {
              if (truth(v)) return true;
              ok = false;
              return false;
            });
            return ok;
          }
          case "none": {
            let ok = true;
            each((v) => {
              if (!truth(v)) return true;
              ok = false;
              return false;
            });
            return ok;
          }
          case "any": {
            let ok = false;
            each((v) => {
              if (!truth(v)) return true;
              ok = true;
              return false;
            });
            return ok;
          }
          case "one": {
            let n = 0;
            each((v) => {
              if (truth(v)) n++;
            });
            return n === 1;
          }
          case "filter": {
            const out: unknown[] = [];
            each((v, item) => {
              if (truth(v)) out.push(item);
            });
            return out;
          }
          case "map": {
            const out: unknown[] = [];
            each((v) => {
              out.push(v);
            });
            return out;
          }
          case "count": {
            let n = 0n;
            each((v, item) => {
              if (truth(pred ? v : item)) n++;
            });
            return n;
          }
          case "sum": {
            let s: unknown = 0n;
            each((v, item) => {
              s = ops.add(s, pred ? v : item);
            });
            return s;
          }
          case "find":
          case "findIndex": {
            let found: unknown = name === "find" ? null : -1n;
            each((v, item, i) => {
              if (!truth(v)) return true;
              found = name === "find" ? item : BigInt(i);
              return false;
            });
            return found;
          }
          case "findLast":
          case "findLastIndex": {
            for (frame.index = items.length - 1; frame.index >= 0; frame.index--) {
              if (truth(unchain((pred as Fn)(ctx))))
                return name === "findLast" ? items[frame.index] : BigInt(frame.index);
            }
            return name === "findLast" ? null : -1n;
          }
          case "groupBy": {
            const out: GoMap = {};
            Object.defineProperty(out, ops.anyKeys, { value: true, enumerable: false });
            each((v, item) => {
              const k = formatGo(v);
              ((out[k] ??= []) as unknown[]).push(item);
            });
            return out;
          }
          case "sortBy": {
            const keyed: [unknown, unknown][] = [];
            each((v, item) => {
              keyed.push([v, item]);
            });
            const order = extra ? unchain(extra(ctx)) : "asc";
            if (typeof order !== "string") panic("sortBy order argument must be a string");
            const desc = order === "desc";
            keyed.sort((x, y) => (ops.less(x[0], y[0]) ? -1 : ops.less(y[0], x[0]) ? 1 : 0) * (desc ? -1 : 1));
            return keyed.map((p) => p[1]);
          }
          case "reduce": {
            if (items.length === 0 && !extra) return null;
            let start = 0;
            if (extra) frame.acc = unchain(extra(ctx));
            else {
              frame.acc = items[0];
              start = 1;
            }
            for (frame.index = start; frame.index < items.length; frame.index++) frame.acc = unchain((pred as Fn)(ctx));
            return frame.acc;
          }
        }
        return panic(`unknown builtin ${name}`);
      } finally {
        ctx.frames.pop();
      }
    });
  }
}

function nil(v: unknown): unknown {
  return v === undefined ? null : v;
}

function unchain(v: unknown): unknown {
  return v instanceof ChainNil ? null : v;
}

function callValue(f: unknown, args: readonly unknown[]): unknown {
  if (isNil(f)) return panic("invalid operation: cannot call nil");
  if (typeof f !== "function") return panic(`invalid operation: cannot call non-function of type ${goTypeName(f)}`);
  return (f as (a: readonly unknown[]) => unknown)(args);
}

/** The identifiers a tree references, as Argo's `getIdentifiers` sees them (with `??`/`?.` guards). */
export function identifiers(root: Node, isEnvKey: (name: string) => boolean = () => false): string[] {
  const guarded = new Set<Node>();
  walk(root, (n) => {
    // expr-lang parses `len(x)`, `string(x)`, ... as builtin nodes: no identifier for the callee.
    if (n.k === "call" && n.callee.k === "ident" && builtins[n.callee.name] && !isEnvKey(n.callee.name))
      guarded.add(n.callee);
    if (n.k === "binary" && n.op === "??")
      walk(n.left, (m) => {
        if (m.k === "member") guarded.add(m);
      });
    if (n.k === "member" && n.optional && n.node.k === "member") guarded.add(n.node);
  });
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (s: string) => {
    if (!seen.has(s)) {
      seen.add(s);
      out.push(s);
    }
  };
  walk(root, (n) => {
    if (guarded.has(n)) return;
    if (n.k === "ident") add(n.name);
    if (n.k === "member") {
      const p = memberPath(n);
      if (p) add(p);
    }
  });
  return out;
}

function memberPath(n: Node): string | undefined {
  const parts: string[] = [];
  let cur: Node = n;
  for (;;) {
    if (cur.k !== "member" || cur.optional || cur.property.k !== "string") return undefined;
    parts.unshift(cur.property.value);
    if (cur.node.k === "ident") {
      parts.unshift(cur.node.name);
      return parts.join(".");
    }
    cur = cur.node;
  }
}

export { GoDuration, GoTime, isMap };
