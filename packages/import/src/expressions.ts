/** Argo expressions (`{{= ... }}`, `when`) as `expr`, `eq`/`ne` and `condition` code with references. */
import { exprForm } from "@wfc/sdk/internal";
import type { BodyCtx } from "./generation.js";
import { convStr, resolvePlaceholder } from "./placeholders.js";
import { type Code, call, raw, tagged } from "./printer.js";

type Quote = "'" | '"';

/** A reference inside an expression: `tasks.a.outputs.result`, `tasks['a-b'].outputs.parameters["x"]`, `inputs.parameters.n`. */
const EXPR_REF = /(inputs|tasks|steps)((?:\.[A-Za-z0-9_]+|\[(?:'[^']*'|"[^"]*")\])+)/g;

/**
 * A `{{= ... }}` expression as an `expr` (or `exprDq`) tagged template with references, when every
 * reference the scope knows prints back exactly as written; else undefined.
 */
export function exprCode(ctx: BodyCtx, s: string, all = false): Code | undefined {
  const m = /^\{\{=([\s\S]*)\}\}$/.exec(s);
  if (!m || /`|\$\{|\{\{|\}\}/.test(m[1]!)) return undefined;
  const body = m[1]!;
  const parts: (string | Code)[] = [];
  let last = 0;
  let quote: Quote | undefined;
  for (const r of body.matchAll(EXPR_REF)) {
    const segs = [...r[2]!.matchAll(/\.([A-Za-z0-9_]+)|\[(['"])([^'"]*)\2\]/g)].map((x) => ({
      name: x[1] ?? x[3]!,
      q: x[2] as Quote | undefined,
    }));
    // The longest prefix that is a known reference.
    let found: { code: string; len: number; q: Quote | undefined } | undefined;
    for (let n = segs.length; n >= 1 && !found; n--) {
      const path = [r[1]!, ...segs.slice(0, n).map((x) => x.name)].join(".");
      const res = resolvePlaceholder(path, ctx.scope);
      if (!res || res.type === "artifact") continue;
      const qs = new Set(segs.slice(0, n).flatMap((x) => (x.q ? [x.q] : [])));
      const q = qs.size ? [...qs][0] : undefined;
      if (qs.size > 1 || (q && quote && q !== quote)) continue;
      const text = exprForm(path, q ?? quote ?? "'");
      if (!r[0].startsWith(text) || /^[A-Za-z0-9_]/.test(r[0].slice(text.length))) continue;
      found = { code: res.code, len: text.length, q };
    }
    if (!found) {
      if (all) return undefined;
      continue;
    }
    if (found.q) quote = found.q;
    if (r.index! > last) parts.push(body.slice(last, r.index));
    parts.push(raw(found.code));
    last = r.index! + found.len;
  }
  if (last === 0) return undefined;
  if (last < body.length) parts.push(body.slice(last));
  return tagged(ctx.g.m.use(quote === '"' ? "exprDq" : "expr"), parts);
}

export function whenCode(ctx: BodyCtx, s: string): Code {
  const { scope, g } = ctx;
  const e = exprCode(ctx, s);
  if (e) return e;
  const m = /^(\S+) (==|!=) (\S+)$/.exec(s);
  if (m && !/&&|\|\|/.test(s)) {
    const l = convStr(m[1]!, scope);
    const r = convStr(m[3]!, scope);
    if (l.refs || r.refs) {
      const fn = g.m.use(m[2] === "==" ? "eq" : "ne");
      return call(fn, [l.code, r.code]);
    }
  }
  const c = convStr(s, scope);
  if (!c.refs) return c.code;
  if (c.code.t === "str" && !/[`\\]|\$\{/.test(s)) return tagged(g.m.use("condition"), c.code.parts);
  if (c.code.t === "raw") return tagged(g.m.use("condition"), [c.code]);
  return c.code;
}
