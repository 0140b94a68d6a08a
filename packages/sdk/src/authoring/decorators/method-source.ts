/**
 * A method's source as a function expression: `plusOne({ x }) { ... }` becomes
 * `function plusOne({ x }) { ... }` (`async`/generator methods too), so that a `@task` body prints
 * exactly as the same body given to `nodeScript({ run: function plusOne(...) {...} })`. The
 * function is rebuilt from that text, which also proves the text stands alone; a method whose
 * name cannot name a function (`delete()`, a quoted or computed name) is kept as it is (nodeScript
 * wraps it in an object literal, which runs the same).
 */
export function methodAsFunction(method: Function): Function {
  const src = method.toString();
  const m = /^(async\s+)?(\*\s*)?/.exec(src);
  const head = `${m?.[1] ?? ""}function${m?.[2] ? "*" : ""} `;
  const text = head + src.slice(m?.[0].length ?? 0);
  try {
    // `__name` is the helper esbuild-based loaders (tsx) call to keep function names.
    return new Function("__name", `return (${text});`)((f: unknown) => f) as Function;
  } catch {
    return method;
  }
}
