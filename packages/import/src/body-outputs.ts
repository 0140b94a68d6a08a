/**
 * The outputs of a DAG or steps template that come from its tasks (`valueFrom.parameter`, `from`)
 * or from an expression whose references are all known: returned from the body instead of
 * declared.
 */
import { exprCode } from "./expressions.js";
import type { BodyCtx } from "./generation.js";
import { convStr } from "./placeholders.js";
import type { Code } from "./printer.js";
import { isObj, type Obj } from "./values.js";

/**
 * What the body returns (`return { fib: ... }`), and the template's `outputs` left to declare
 * (undefined when it has none). Runs after the body's tasks: every task may be referenced.
 */
export function bodyOutputs(ctx: BodyCtx): { returned: [string, Code][]; outputs: Obj | undefined } {
  const { t, scope } = ctx;
  const ret: [string, Code][] = [];
  const outputs = isObj(t.yaml.outputs) ? t.yaml.outputs : undefined;
  if (!outputs) return { returned: ret, outputs };
  scope.group = Number.MAX_SAFE_INTEGER;
  const params = ((outputs.parameters as Obj[]) ?? []).map((p) => ({ ...p }));
  const arts = ((outputs.artifacts as Obj[]) ?? []).map((a) => ({ ...a }));
  // A body's returned values are matched by Argo name: a name both a parameter and an artifact
  // have stays in the declaration.
  const shared = new Set([...t.outArtKeys].filter(([n, k]) => n !== k).map(([n]) => n));
  for (const p of params) {
    const vf = p.valueFrom;
    if (isObj(vf) && Object.keys(vf).length === 1 && typeof vf.parameter === "string" && !shared.has(String(p.name))) {
      const c = convStr(vf.parameter, scope);
      if (c.single === "string") {
        ret.push([String(p.name), c.code]);
        delete p.valueFrom;
      }
    }
  }
  for (const a of arts) {
    if (typeof a.from === "string" && !shared.has(String(a.name))) {
      const c = convStr(a.from, scope);
      if (c.single === "artifact") {
        ret.push([String(a.name), c.code]);
        delete a.from;
      }
    }
  }
  // Expressions (`valueFrom.expression`, `fromExpression`) whose every reference is known: `expr`.
  const asExpr = (e: unknown): Code | undefined => {
    if (typeof e !== "string") return undefined;
    const used = [...scope.tasks.values()].map((x) => [x, x.used] as const);
    const code = exprCode(ctx, `{{=${e}}}`, true);
    if (!code) for (const [x, u] of used) x.used = u;
    return code;
  };
  for (const p of params) {
    const vf = p.valueFrom;
    if (!isObj(vf) || Object.keys(vf).length !== 1 || shared.has(String(p.name))) continue;
    const code = asExpr(vf.expression);
    if (code) {
      ret.push([String(p.name), code]);
      delete p.valueFrom;
    }
  }
  for (const a of arts) {
    if (a.from !== undefined || shared.has(String(a.name))) continue;
    const code = asExpr(a.fromExpression);
    if (code) {
      ret.push([String(a.name), code]);
      delete a.fromExpression;
    }
  }
  const rest: Obj = { ...outputs };
  if (params.length) rest.parameters = params;
  if (arts.length) rest.artifacts = arts;
  return { returned: ret, outputs: rest };
}
