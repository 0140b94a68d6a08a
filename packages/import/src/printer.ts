/**
 * A small code model and a width-aware printer for the TypeScript `wfc import` generates: objects,
 * arrays and calls print on one line when they fit, else one item per line (the last argument of a
 * call "hugs" the parenthesis, as prettier does). Deterministic; no dependency.
 */

/** A piece of generated code. */
export type Code =
  | { readonly t: "raw"; readonly code: string }
  | { readonly t: "str"; readonly parts: readonly (string | Code)[] }
  | { readonly t: "obj"; readonly entries: readonly (readonly [string, Code])[] }
  | { readonly t: "arr"; readonly items: readonly Code[] }
  | { readonly t: "call"; readonly callee: string; readonly args: readonly Code[]; readonly typeArgs?: string }
  | { readonly t: "arrow"; readonly params: string; readonly body: Code }
  | { readonly t: "block"; readonly stmts: readonly Code[] }
  | { readonly t: "tagged"; readonly tag: string; readonly parts: readonly (string | Code)[] }
  | { readonly t: "stmt"; readonly prefix: string; readonly expr: Code }
  | { readonly t: "post"; readonly expr: Code; readonly suffix: string };

export const raw = (code: string): Code => ({ t: "raw", code });
export const obj = (entries: readonly (readonly [string, Code])[]): Code => ({ t: "obj", entries });
export const arr = (items: readonly Code[]): Code => ({ t: "arr", items });
export const call = (callee: string, args: readonly Code[], typeArgs?: string): Code => ({
  t: "call",
  callee,
  args,
  typeArgs,
});
export const arrow = (params: string, body: Code): Code => ({ t: "arrow", params, body });
export const block = (stmts: readonly Code[]): Code => ({ t: "block", stmts });
export const stmt = (prefix: string, expr: Code): Code => ({ t: "stmt", prefix, expr });
export const tagged = (tag: string, parts: readonly (string | Code)[]): Code => ({ t: "tagged", tag, parts });
/** Code followed by a suffix on its last line (`[a, b] as const`). */
export const post = (expr: Code, suffix: string): Code => ({ t: "post", expr, suffix });
export const str = (parts: readonly (string | Code)[]): Code => ({ t: "str", parts });

const WIDTH = 120;

/** An arrow body that must be parenthesised: an object literal, or one followed by `as T`. */
const objectLike = (c: Code): boolean => c.t === "obj" || (c.t === "post" && c.expr.t === "obj");
const IND = "  ";

const RESERVED = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for function if import in " +
    "instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package " +
    "private protected public await async of undefined NaN Infinity arguments eval"
  ).split(" "),
);

/** True when `s` can be written as a bare property name or variable name. */
export function isIdentifier(s: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(s) && !RESERVED.has(s);
}

/** True when `s` is a reserved word (or a global a module should not shadow). */
export function isReserved(s: string): boolean {
  return RESERVED.has(s);
}

/** A property key as written in an object literal. */
export function propKey(k: string): string {
  // `{ __proto__: x }` and `{ "__proto__": x }` set the literal's prototype; only a computed key adds the key.
  if (k === "__proto__") return '["__proto__"]';
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(k) ? k : JSON.stringify(k);
}

/** A property access: `a.b` or `a["b-c"]`. */
export function member(base: string, k: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(k) ? `${base}.${k}` : `${base}[${JSON.stringify(k)}]`;
}

/** A JavaScript literal for plain data (strings, numbers, booleans, null, arrays, objects). */
export function literal(v: unknown): Code {
  if (v === null) return raw("null");
  if (typeof v === "string") return str([v]);
  if (typeof v === "number")
    return raw(
      Object.is(v, -0)
        ? "-0"
        : Number.isNaN(v)
          ? "NaN"
          : v === Infinity
            ? "Infinity"
            : v === -Infinity
              ? "-Infinity"
              : String(v),
    );
  if (typeof v === "boolean") return raw(String(v));
  // An integer past 2^53, read exactly from YAML: a BigInt literal keeps it exact.
  // (Argo's generated types say `number`: the cast is the one place the exact value needs one.)
  if (typeof v === "bigint") return raw(`${v}n as unknown as number`);
  if (Array.isArray(v)) return arr(v.map(literal));
  if (typeof v === "object")
    return obj(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, literal(x)] as const));
  throw new TypeError(`cannot print ${typeof v}`);
}

/** A string literal: double quotes, or single quotes when that needs fewer escapes (as prettier does). */
export function quote(s: string): string {
  const dq = JSON.stringify(s)
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
  const doubles = s.split('"').length - 1;
  if (doubles === 0 || doubles <= s.split("'").length - 1) return dq;
  return `'${dq.slice(1, -1).replace(/\\(.)|'/g, (m: string, c: string | undefined) => (c === '"' ? '"' : m === "'" ? "\\'" : m))}'`;
}

/**
 * A string as code: a quoted literal, or a template literal when the text has line breaks inside
 * (a final line break alone stays `\n`).
 */
export function stringLiteral(s: string): string {
  return printStr([s], "");
}

function templateText(s: string): string {
  return s
    .replace(/\\/g, "\\\\")
    .replace(/`/g, "\\`")
    .replace(/\$\{/g, "\\${")
    .replace(/\r/g, "\\r")
    .replace(/\t/g, "\t");
}

function printStr(parts: readonly (string | Code)[], indent: string): string {
  const text = parts.filter((p): p is string => typeof p === "string").join("");
  const hasCode = parts.some((p) => typeof p !== "string");
  const multiline = text.includes("\n") && text.replace(/\n$/, "").includes("\n");
  if (!hasCode && !multiline) return quote(text);
  let out = "`";
  for (const p of parts) {
    if (typeof p !== "string") out += `\${${print(p, indent)}}`;
    else out += multiline ? templateText(p) : templateText(p).replace(/\n/g, "\\n");
  }
  return `${out}\``;
}

function printTagged(tag: string, parts: readonly (string | Code)[], indent: string): string {
  let out = `${tag}\``;
  for (const p of parts) out += typeof p === "string" ? p : `\${${print(p, indent)}}`;
  return `${out}\``;
}

/**
 * Prints code; `indent` is the indentation of the line it starts on, `col` the column it starts at
 * (after a key or a prefix), `tail` the width of what follows it on its last line (`,`, `);`).
 */
export function print(c: Code, indent = "", col = indent.length, tail = 0): string {
  const flat = printFlat(c, indent);
  if (flat !== undefined && !flat.includes("\n") && col + flat.length + tail <= WIDTH) return flat;
  if (flat?.includes("\n") && (c.t === "str" || c.t === "raw" || c.t === "tagged")) return flat;
  return printBroken(c, indent, col, tail);
}

/** One-line form, or undefined when the code cannot be on one line. */
function printFlat(c: Code, indent: string): string | undefined {
  switch (c.t) {
    case "raw":
      return c.code;
    case "str": {
      const s = printStr(c.parts, indent);
      return s;
    }
    case "tagged":
      return printTagged(c.tag, c.parts, indent);
    case "obj": {
      if (!c.entries.length) return "{}";
      const items: string[] = [];
      for (const [k, v] of c.entries) {
        const f = printFlat(v, indent);
        if (f === undefined || f.includes("\n")) return undefined;
        items.push(`${propKey(k)}: ${f}`);
      }
      return `{ ${items.join(", ")} }`;
    }
    case "arr": {
      const items: string[] = [];
      for (const v of c.items) {
        const f = printFlat(v, indent);
        if (f === undefined || f.includes("\n")) return undefined;
        items.push(f);
      }
      return `[${items.join(", ")}]`;
    }
    case "call": {
      const items: string[] = [];
      for (const v of c.args) {
        const f = printFlat(v, indent);
        if (f === undefined || f.includes("\n")) return undefined;
        items.push(f);
      }
      return `${c.callee}${c.typeArgs ? `<${c.typeArgs}>` : ""}(${items.join(", ")})`;
    }
    case "arrow": {
      const f = printFlat(c.body, indent);
      if (f === undefined || f.includes("\n")) return undefined;
      return `${c.params} => ${objectLike(c.body) ? `(${f})` : f}`;
    }
    case "block":
      return undefined;
    case "stmt": {
      const f = printFlat(c.expr, indent);
      return f === undefined ? undefined : `${c.prefix}${f};`;
    }
    case "post": {
      const f = printFlat(c.expr, indent);
      return f === undefined ? undefined : `${f}${c.suffix}`;
    }
  }
}

/** Multi-line form; `col` is the column the code starts at (after a prefix such as `const x = `). */
function printBroken(c: Code, indent: string, col = indent.length, tail = 0): string {
  const inner = indent + IND;
  switch (c.t) {
    case "raw":
    case "str":
    case "tagged":
      return printFlat(c, indent)!;
    case "obj":
      return `{\n${c.entries.map(([k, v]) => `${inner}${propKey(k)}: ${print(v, inner, inner.length + propKey(k).length + 2, 1)},\n`).join("")}${indent}}`;
    case "arr":
      return `[\n${c.items.map((v) => `${inner}${print(v, inner, inner.length, 1)},\n`).join("")}${indent}]`;
    case "call": {
      const head = `${c.callee}${c.typeArgs ? `<${c.typeArgs}>` : ""}(`;
      // Hug the last argument when the others fit on the line.
      const last = c.args[c.args.length - 1];
      if (last && (last.t === "obj" || last.t === "arrow" || last.t === "arr")) {
        const firsts = c.args.slice(0, -1).map((a) => printFlat(a, indent));
        if (firsts.every((f) => f !== undefined && !f.includes("\n"))) {
          const prefix = head + firsts.map((f) => `${f}, `).join("");
          // What must fit on the first line: `(params) => {`, `(params) => ({` or `{`.
          const head2 = last.t === "arrow" ? last.params.length + (last.body.t === "obj" ? 6 : 5) : 2;
          if (col + prefix.length + head2 <= WIDTH) {
            const lastFlat = printFlat(last, indent);
            if (lastFlat !== undefined && col + prefix.length + lastFlat.length + 1 + tail <= WIDTH)
              return `${prefix}${lastFlat})`;
            return `${prefix}${printBroken(last, indent, col + prefix.length, tail + 1)})`;
          }
        }
      }
      return `${head}\n${c.args.map((a) => `${inner}${print(a, inner, inner.length, 1)},\n`).join("")}${indent})`;
    }
    case "arrow": {
      // A destructuring pattern too long for the line: one property per line.
      const pm = /^\(\{ (.*) \}(, [A-Za-z0-9_$]+)?\)$/.exec(c.params);
      if (pm && col + c.params.length + 4 > WIDTH) {
        const params = `({\n${pm[1]!
          .split(", ")
          .map((x) => `${inner}${x},\n`)
          .join("")}${indent}}${pm[2] ?? ""})`;
        return params + printBroken({ ...c, params: "" }, indent, params.length - params.lastIndexOf("\n") - 1, tail);
      }
      const at = col + c.params.length + 4;
      if (objectLike(c.body)) return `${c.params} => (${printBroken(c.body, indent, at + 1, tail + 1)})`;
      const flat = printFlat(c.body, indent);
      if (flat !== undefined && at + flat.length + tail <= WIDTH) return `${c.params} => ${flat}`;
      return `${c.params} => ${printBroken(c.body, indent, at, tail)}`;
    }
    case "stmt":
      return `${c.prefix}${printBroken(c.expr, indent, col + c.prefix.length, tail + 1)};`;
    case "post":
      return `${printBroken(c.expr, indent, col, tail + c.suffix.length)}${c.suffix}`;
    case "block":
      return `{\n${c.stmts.map((s) => `${inner}${print(s, inner)}\n`).join("")}${indent}}`;
  }
}
