/**
 * A parser for a DAG task's enhanced `depends` (`A && (B.Failed || !C.Succeeded)`). Same API as
 * `parseDepends` that `@wfc/sdk/internal` will export; when it lands this file re-exports it.
 */

/** A parsed `depends` expression. A bare task (no `status`) means Argo's default `(T.Succeeded || T.Skipped || T.Daemoned)`. */
export type DependsExpr =
  | { readonly kind: "task"; readonly task: string; readonly status?: string }
  | { readonly kind: "and" | "or"; readonly operands: readonly DependsExpr[] }
  | { readonly kind: "not"; readonly operand: DependsExpr };

/** Parses `text`; throws an Error naming the position on bad syntax. */
export function parseDepends(text: string): DependsExpr {
  const tokens: { t: string; at: number }[] = [];
  const re = /\s*(&&|\|\||!|\(|\)|[A-Za-z0-9_][-A-Za-z0-9_]*(?:\.[A-Za-z]+)?)/y;
  let i = 0;
  while (i < text.length) {
    if (/^\s*$/.test(text.slice(i))) break;
    re.lastIndex = i;
    const m = re.exec(text);
    if (!m || m[1] === undefined) throw new Error(`invalid depends "${text}": unexpected "${text.slice(i).trim()}" at ${i}`);
    tokens.push({ t: m[1], at: i });
    i = re.lastIndex;
  }
  let p = 0;
  const peek = () => tokens[p]?.t;
  const fail = (what: string): never => {
    throw new Error(`invalid depends "${text}": ${what}`);
  };
  const parseOr = (): DependsExpr => {
    const ops = [parseAnd()];
    while (peek() === "||") { p++; ops.push(parseAnd()); }
    return ops.length === 1 ? ops[0]! : { kind: "or", operands: ops };
  };
  const parseAnd = (): DependsExpr => {
    const ops = [parseUnary()];
    while (peek() === "&&") { p++; ops.push(parseUnary()); }
    return ops.length === 1 ? ops[0]! : { kind: "and", operands: ops };
  };
  const parseUnary = (): DependsExpr => {
    const t = peek();
    if (t === undefined) return fail("unexpected end");
    if (t === "!") { p++; return { kind: "not", operand: parseUnary() }; }
    if (t === "(") {
      p++;
      const e = parseOr();
      if (peek() !== ")") fail(`missing ")"`);
      p++;
      return e;
    }
    if (t === ")" || t === "&&" || t === "||") return fail(`unexpected "${t}"`);
    p++;
    const dot = t.lastIndexOf(".");
    if (dot > 0 && /^[A-Z]/.test(t.slice(dot + 1))) return { kind: "task", task: t.slice(0, dot), status: t.slice(dot + 1) };
    return { kind: "task", task: t };
  };
  const e = parseOr();
  if (p < tokens.length) fail(`unexpected "${peek()}"`);
  return e;
}
