/** Argo's `template.ResolveVar`: the value one `{{...}}` reference names (`valueFrom.parameter`, artifact `from`). */

import { ExprError } from "../expr/errors.js";
import { evaluateRaw, parseExpr } from "../expr/evaluate.js";
import { goQuote } from "./go-quote.js";
import { SubstitutionError } from "./substitute.js";

/**
 * Resolves a single reference against a flat map, as Argo's `ResolveVar` does: a simple tag is a
 * key lookup; an expression tag is evaluated against the map as it is (flat keys, no Argo
 * functions). Returns the unwrapped tag and the value; errors are `Unable to resolve: "tag"`,
 * `Unable to compile: "expr"`, `Invalid expression: "expr"`.
 *
 * @example
 * ```ts
 * resolveVar("{{ steps.a.outputs.result }}", { "steps.a.outputs.result": "x" }); // { tag: "steps.a.outputs.result", value: "x" }
 * ```
 */
export function resolveVar(
  s: string,
  m: Readonly<Record<string, unknown>> | undefined,
): { readonly tag: string; readonly value: unknown } {
  const map = m ?? {};
  let t = s.startsWith("{{") ? s.slice(2) : s;
  if (t.endsWith("}}")) t = t.slice(0, -2);
  const tag = t.trim();
  if (tag.startsWith("=")) {
    const expression = tag
      .slice(1)
      .replace(/\\u003c/g, "<")
      .replace(/\\u003e/g, ">")
      .replace(/\\u0026/g, "&");
    try {
      parseExpr(expression);
    } catch (e) {
      if (e instanceof ExprError)
        throw new SubstitutionError(`Unable to compile: ${goQuote(expression)}`, undefined, { cause: e });
      throw e;
    }
    let value: unknown;
    try {
      value = evaluateRaw(expression, map);
    } catch (e) {
      if (!(e instanceof ExprError)) throw e;
      // An unknown name is a compile error in expr-lang.
      const what = e.detail.startsWith("unknown name") ? "Unable to compile" : "Invalid expression";
      throw new SubstitutionError(`${what}: ${goQuote(expression)}`, undefined, { cause: e });
    }
    if (value === null || value === undefined)
      throw new SubstitutionError(`Unable to resolve: ${goQuote(tag)}`, undefined);
    return { tag, value };
  }
  if (!Object.hasOwn(map, tag)) throw new SubstitutionError(`Unable to resolve: ${goQuote(tag)}`, undefined);
  return { tag, value: map[tag] };
}
