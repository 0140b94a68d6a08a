/**
 * A stand-in for R1's `evaluateWhen` until it lands (src/expr): govaluate's subset Argo's `when`
 * uses: `==`, `!=`, `<`, `>`, `<=`, `>=`, `=~`, `!~`, `&&`, `||`, `!`, parentheses, quoted strings,
 * numbers, `true`/`false`; bare words are strings (as `shouldExecute` makes them).
 */
export function evaluateWhenFallback(text: string): boolean {
  const toks: { k: "v" | "op"; v: unknown }[] = [];
  const re = /\s*(?:(\d+(?:\.\d+)?)(?![\w.-])|'([^']*)'|"([^"]*)"|(==|!=|<=|>=|=~|!~|&&|\|\||[<>!()])|([^\s()=!<>&|'"]+))/y;
  let i = 0;
  while (i < text.length) {
    if (/^\s*$/.test(text.slice(i))) break;
    re.lastIndex = i;
    const m = re.exec(text);
    if (!m) throw new Error(`Invalid 'when' expression '${text}': unexpected character at ${i}`);
    i = re.lastIndex;
    if (m[1] !== undefined) toks.push({ k: "v", v: Number(m[1]) });
    else if (m[2] !== undefined) toks.push({ k: "v", v: m[2] });
    else if (m[3] !== undefined) toks.push({ k: "v", v: m[3] });
    else if (m[4] !== undefined) toks.push({ k: "op", v: m[4] });
    else if (m[5] === "true" || m[5] === "false") toks.push({ k: "v", v: m[5] === "true" });
    else toks.push({ k: "v", v: m[5] });
  }
  let p = 0;
  const peek = () => (toks[p]?.k === "op" ? (toks[p]!.v as string) : undefined);
  const or = (): unknown => {
    let l = and();
    while (peek() === "||") { p++; const r = and(); l = Boolean(l) || Boolean(r); }
    return l;
  };
  const and = (): unknown => {
    let l = cmp();
    while (peek() === "&&") { p++; const r = cmp(); l = Boolean(l) && Boolean(r); }
    return l;
  };
  const cmp = (): unknown => {
    const l = unary();
    const op = peek();
    if (op && ["==", "!=", "<", ">", "<=", ">=", "=~", "!~"].includes(op)) {
      p++;
      const r = unary();
      switch (op) {
        case "==": return l === r;
        case "!=": return l !== r;
        case "=~": return new RegExp(String(r)).test(String(l));
        case "!~": return !new RegExp(String(r)).test(String(l));
        default: {
          if (typeof l !== "number" || typeof r !== "number") throw new Error(`Invalid 'when' expression '${text}': cannot compare non-numbers with ${op}`);
          return op === "<" ? l < r : op === ">" ? l > r : op === "<=" ? l <= r : l >= r;
        }
      }
    }
    return l;
  };
  const unary = (): unknown => {
    if (peek() === "!") { p++; return !unary(); }
    if (peek() === "(") {
      p++;
      const v = or();
      if (peek() !== ")") throw new Error(`Invalid 'when' expression '${text}': missing )`);
      p++;
      return v;
    }
    const t = toks[p++];
    if (!t || t.k !== "v") throw new Error(`Invalid 'when' expression '${text}'`);
    return t.v;
  };
  const v = or();
  if (p < toks.length) throw new Error(`Invalid 'when' expression '${text}'`);
  if (typeof v !== "boolean") throw new Error(`Expected boolean evaluation for '${text}'. Got ${String(v)}`);
  return v;
}
