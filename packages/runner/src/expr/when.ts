/**
 * `when` as Argo evaluates it (workflow/controller/steps.go `shouldExecute`): the substituted text
 * is a govaluate (Knetic/govaluate) expression whose bare words (govaluate variables) are turned
 * into strings, so `Succeeded == Succeeded` and `foo != bar` need no quotes. Implements
 * govaluate's lexer, its token-transition syntax check, its precedence levels and its type checks.
 */

import { ExprCodes, ExprError } from "./errors.js";
import { deepEqual, formatFloatG } from "./value.js";

type Kind =
  | "PREFIX"
  | "NUMERIC"
  | "BOOLEAN"
  | "STRING"
  | "PATTERN"
  | "TIME"
  | "VARIABLE"
  | "FUNCTION"
  | "SEPARATOR"
  | "ACCESSOR"
  | "COMPARATOR"
  | "LOGICALOP"
  | "MODIFIER"
  | "CLAUSE"
  | "CLAUSE_CLOSE"
  | "TERNARY"
  | "UNKNOWN";

interface Tok {
  kind: Kind;
  value: unknown;
}

const values: Kind[] = [
  "PREFIX",
  "NUMERIC",
  "BOOLEAN",
  "VARIABLE",
  "PATTERN",
  "FUNCTION",
  "ACCESSOR",
  "STRING",
  "TIME",
  "CLAUSE",
];
const afterValue: Kind[] = ["MODIFIER", "COMPARATOR", "LOGICALOP", "CLAUSE_CLOSE", "TERNARY", "SEPARATOR"];

/** govaluate's lexer states: which kinds may follow, and whether the expression may end there. */
const states: Record<Kind, { eof: boolean; next: readonly Kind[] }> = {
  UNKNOWN: { eof: false, next: values },
  CLAUSE: { eof: false, next: [...values, "CLAUSE_CLOSE"] },
  CLAUSE_CLOSE: {
    eof: true,
    next: [
      "COMPARATOR",
      "MODIFIER",
      "NUMERIC",
      "BOOLEAN",
      "VARIABLE",
      "STRING",
      "PATTERN",
      "TIME",
      "CLAUSE",
      "CLAUSE_CLOSE",
      "LOGICALOP",
      "TERNARY",
      "SEPARATOR",
    ],
  },
  NUMERIC: { eof: true, next: afterValue },
  BOOLEAN: { eof: true, next: afterValue },
  STRING: { eof: true, next: afterValue },
  TIME: { eof: true, next: ["MODIFIER", "COMPARATOR", "LOGICALOP", "CLAUSE_CLOSE", "SEPARATOR"] },
  PATTERN: { eof: true, next: ["MODIFIER", "COMPARATOR", "LOGICALOP", "CLAUSE_CLOSE", "SEPARATOR"] },
  VARIABLE: { eof: true, next: afterValue },
  MODIFIER: {
    eof: false,
    next: ["PREFIX", "NUMERIC", "VARIABLE", "FUNCTION", "ACCESSOR", "STRING", "BOOLEAN", "CLAUSE", "CLAUSE_CLOSE"],
  },
  COMPARATOR: {
    eof: false,
    next: [
      "PREFIX",
      "NUMERIC",
      "BOOLEAN",
      "VARIABLE",
      "FUNCTION",
      "ACCESSOR",
      "STRING",
      "TIME",
      "CLAUSE",
      "CLAUSE_CLOSE",
      "PATTERN",
    ],
  },
  LOGICALOP: {
    eof: false,
    next: [
      "PREFIX",
      "NUMERIC",
      "BOOLEAN",
      "VARIABLE",
      "FUNCTION",
      "ACCESSOR",
      "STRING",
      "TIME",
      "CLAUSE",
      "CLAUSE_CLOSE",
    ],
  },
  PREFIX: { eof: false, next: ["NUMERIC", "BOOLEAN", "VARIABLE", "FUNCTION", "ACCESSOR", "CLAUSE", "CLAUSE_CLOSE"] },
  TERNARY: {
    eof: false,
    next: ["PREFIX", "NUMERIC", "BOOLEAN", "STRING", "TIME", "VARIABLE", "FUNCTION", "ACCESSOR", "CLAUSE", "SEPARATOR"],
  },
  FUNCTION: { eof: false, next: ["CLAUSE"] },
  ACCESSOR: {
    eof: true,
    next: ["CLAUSE", "MODIFIER", "COMPARATOR", "LOGICALOP", "CLAUSE_CLOSE", "TERNARY", "SEPARATOR"],
  },
  SEPARATOR: {
    eof: false,
    next: ["PREFIX", "NUMERIC", "BOOLEAN", "STRING", "TIME", "VARIABLE", "FUNCTION", "ACCESSOR", "CLAUSE"],
  },
};

const prefixSymbols = new Set(["-", "!", "~"]);
const modifierSymbols = new Set(["+", "-", "*", "/", "%", "**", "&", "|", "^", ">>", "<<"]);
const logicalSymbols = new Set(["&&", "||"]);
const comparatorSymbols = new Set(["==", "!=", ">", ">=", "<", "<=", "=~", "!~", "in"]);
const ternarySymbols = new Set(["?", ":", "??"]);

const isSpace = (c: string) => /[\s\u0085]/u.test(c);
const isDigit = (c: string) => /\p{Nd}/u.test(c);
const isLetter = (c: string) => /\p{L}/u.test(c);
const isNumeric = (c: string) => isDigit(c) || c === ".";
const isNotQuote = (c: string) => c !== "'" && c !== '"';
const isNotAlphanumeric = (c: string) =>
  !(isDigit(c) || isLetter(c) || c === "(" || c === ")" || c === "[" || c === "]" || !isNotQuote(c));
const isVariableName = (c: string) => isLetter(c) || isDigit(c) || c === "_" || c === ".";

class GovaluateError extends Error {}

function lexWhen(expression: string): Tok[] {
  const src = Array.from(expression);
  let pos = 0;
  const canRead = () => pos < src.length;
  const read = () => src[pos++] as string;
  const readUntilFalse = (includeWs: boolean, breakWs: boolean, cond: (c: string) => boolean): [string, boolean] => {
    let buf = "";
    while (canRead()) {
      let c = read();
      if (c === "\\") {
        c = canRead() ? read() : "";
        buf += c;
        continue;
      }
      if (isSpace(c)) {
        if (breakWs && buf.length > 0) return [buf, true];
        if (!includeWs) continue;
      }
      if (cond(c)) buf += c;
      else {
        pos--;
        return [buf, true];
      }
    }
    return [buf, false];
  };
  const readTokenUntilFalse = (cond: (c: string) => boolean) => {
    pos--;
    return readUntilFalse(false, true, cond)[0];
  };

  const out: Tok[] = [];
  let state: Kind = "UNKNOWN";
  while (canRead()) {
    let tok: Tok | undefined;
    while (canRead()) {
      let c = read();
      if (isSpace(c)) continue;
      if (isNumeric(c)) {
        if (canRead() && c === "0") {
          c = read();
          if (canRead() && c === "x") {
            const [hex] = readUntilFalse(false, true, (h) => /[0-9a-fA-F]/.test(h));
            if (!/^[0-9a-fA-F]+$/.test(hex)) throw new GovaluateError(`Unable to parse hex value '${hex}' to uint64\n`);
            tok = { kind: "NUMERIC", value: Number(BigInt(`0x${hex}`)) };
            break;
          }
          pos--;
        }
        const s = readTokenUntilFalse(isNumeric);
        const f = /^(\d+\.?\d*|\.\d+)$/.test(s) ? Number(s) : NaN;
        if (Number.isNaN(f)) throw new GovaluateError(`Unable to parse numeric value '${s}' to float64\n`);
        tok = { kind: "NUMERIC", value: f };
        break;
      }
      if (c === ",") {
        tok = { kind: "SEPARATOR", value: "," };
        break;
      }
      if (c === "[") {
        const [v, done] = readUntilFalse(true, false, (x) => x !== "]");
        if (!done) throw new GovaluateError("Unclosed parameter bracket");
        pos++;
        tok = { kind: "VARIABLE", value: v };
        break;
      }
      if (isLetter(c)) {
        const s = readTokenUntilFalse(isVariableName);
        tok = { kind: "VARIABLE", value: s };
        if (s === "true" || s === "false") tok = { kind: "BOOLEAN", value: s === "true" };
        if (s === "in" || s === "IN") tok = { kind: "COMPARATOR", value: "in" };
        const dot = s.indexOf(".");
        if (dot > 0) {
          if (s.endsWith(".")) throw new GovaluateError(`Hanging accessor on token '${s}'`);
          const splits = s.split(".");
          for (let i = 1; i < splits.length; i++) {
            const first = Array.from(splits[i] as string)[0] ?? "";
            if (first.toUpperCase() !== first)
              throw new GovaluateError(`Unable to access unexported field '${splits[i]}' in token '${s}'`);
          }
          tok = { kind: "ACCESSOR", value: splits };
        }
        break;
      }
      if (!isNotQuote(c)) {
        const [v, done] = readUntilFalse(true, false, isNotQuote);
        if (!done) throw new GovaluateError("Unclosed string literal");
        pos++;
        const t = tryParseTime(v);
        tok = t === undefined ? { kind: "STRING", value: v } : { kind: "TIME", value: t };
        break;
      }
      if (c === "(") {
        tok = { kind: "CLAUSE", value: "(" };
        break;
      }
      if (c === ")") {
        tok = { kind: "CLAUSE_CLOSE", value: ")" };
        break;
      }
      const s = readTokenUntilFalse(isNotAlphanumeric);
      if (states[state].next.includes("PREFIX") && prefixSymbols.has(s)) tok = { kind: "PREFIX", value: s };
      else if (modifierSymbols.has(s)) tok = { kind: "MODIFIER", value: s };
      else if (logicalSymbols.has(s)) tok = { kind: "LOGICALOP", value: s };
      else if (comparatorSymbols.has(s)) tok = { kind: "COMPARATOR", value: s };
      else if (ternarySymbols.has(s)) tok = { kind: "TERNARY", value: s };
      else throw new GovaluateError(`Invalid token: '${s}'`);
      break;
    }
    if (!tok) break;
    state = tok.kind;
    out.push(tok);
  }
  checkBalance(out);
  return out;
}

function checkBalance(tokens: readonly Tok[]): void {
  let parens = 0;
  for (const t of tokens) {
    if (t.kind === "CLAUSE") parens++;
    if (t.kind === "CLAUSE_CLOSE") parens--;
  }
  if (parens !== 0) throw new GovaluateError("Unbalanced parenthesis");
}

function checkSyntax(tokens: readonly Tok[]): void {
  let state: Kind = "UNKNOWN";
  let last: Tok | undefined;
  for (const t of tokens) {
    if (!states[state].next.includes(t.kind)) {
      if (last?.kind === "VARIABLE" && t.kind === "CLAUSE")
        throw new GovaluateError(`Undefined function ${String(last.value)}`);
      throw new GovaluateError(
        `Cannot transition token types from ${state} [${fmt(last?.value ?? null)}] to ${t.kind} [${fmt(t.value)}]`,
      );
    }
    state = t.kind;
    last = t;
  }
  if (!states[state].eof) throw new GovaluateError("Unexpected end of expression");
}

function optimize(tokens: Tok[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Tok;
    if (t.kind !== "COMPARATOR" || (t.value !== "=~" && t.value !== "!~")) continue;
    const r = tokens[i + 1];
    if (r?.kind === "STRING") tokens[i + 1] = { kind: "PATTERN", value: compileRegex(String(r.value)) };
  }
}

function compileRegex(s: string): RegExp {
  try {
    return new RegExp(s, "u");
  } catch (e) {
    throw new GovaluateError(
      `error parsing regexp: ${String((e as Error).message).replace(/^Invalid regular expression: /, "")}`,
    );
  }
}

/** Go's time.ParseInLocation over govaluate's date formats (in the machine's zone), as unix seconds. */
function tryParseTime(s: string): number | undefined {
  const valid = (y: number, mo: number, d: number, h = 0, mi = 0, se = 0) =>
    mo >= 1 && mo <= 12 && d >= 1 && d <= new Date(Date.UTC(y, mo, 0)).getUTCDate() && h < 24 && mi < 60 && se < 60;
  const local = (y: number, mo: number, d: number, h = 0, mi = 0, se = 0) => {
    const dt = new Date(2000, mo - 1, d, h, mi, se);
    dt.setFullYear(y);
    return Math.floor(dt.getTime() / 1000);
  };
  let m = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
  if (m) {
    const [y, mo, d, h, mi, se] = [m[1], m[2], m[3], m[4] ?? "0", m[5] ?? "0", m[6] ?? "0"].map(Number) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    return valid(y, mo, d, h, mi, se) ? local(y, mo, d, h, mi, se) : undefined;
  }
  m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2})(?::(\d{2}))?(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.exec(s);
  if (m) {
    const [y, mo, d, h, mi, se] = [m[1], m[2], m[3], m[4], m[5] ?? "0", m[6] ?? "0"].map(Number) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    if (!valid(y, mo, d, h, mi, se)) return undefined;
    const z = m[8] as string;
    const off = z === "Z" ? 0 : (z.startsWith("-") ? -1 : 1) * (Number(z.slice(1, 3)) * 60 + Number(z.slice(-2)));
    return Math.floor(Date.UTC(y, mo - 1, d, h, mi, se) / 1000) - off * 60;
  }
  m = /^(\d{1,2}):(\d{2})(AM|PM)$/.exec(s);
  if (m) {
    const h = Number(m[1]);
    const mi = Number(m[2]);
    if (h < 1 || h > 12 || mi > 59) return undefined;
    return local(0, 1, 1, (h % 12) + (m[3] === "PM" ? 12 : 0), mi);
  }
  return undefined;
}

/** Go's `%v` of a govaluate value. */
function fmt(v: unknown): string {
  if (v === null || v === undefined) return "<nil>";
  if (typeof v === "number") return formatFloatG(v);
  if (Array.isArray(v)) return `[${v.map(fmt).join(" ")}]`;
  if (v instanceof RegExp) return v.source;
  return String(v);
}

// ---- planning and evaluation ----

type Stage =
  | { readonly t: "lit"; readonly v: unknown }
  | { readonly t: "noop"; readonly x: Stage }
  | { readonly t: "op"; readonly sym: string; readonly l: Stage | undefined; readonly r: Stage | undefined }
  | { readonly t: "access"; readonly path: readonly string[] };

const levels: readonly (readonly [ReadonlySet<string>, Kind])[] = [
  [new Set([","]), "SEPARATOR"],
  [ternarySymbols, "TERNARY"],
  [new Set(["||"]), "LOGICALOP"],
  [new Set(["&&"]), "LOGICALOP"],
  [comparatorSymbols, "COMPARATOR"],
  [new Set(["^", "&", "|"]), "MODIFIER"],
  [new Set([">>", "<<"]), "MODIFIER"],
  [new Set(["+", "-"]), "MODIFIER"],
  [new Set(["*", "/", "%"]), "MODIFIER"],
  [new Set(["**"]), "MODIFIER"],
];

function plan(tokens: readonly Tok[]): Stage | undefined {
  let i = 0;
  const level = (n: number): Stage | undefined => {
    if (n === levels.length) return func();
    const [syms, kind] = levels[n] as (typeof levels)[number];
    let left = level(n + 1);
    for (;;) {
      const t = tokens[i];
      if (!t || t.kind !== kind || typeof t.value !== "string" || !syms.has(t.value)) return left;
      i++;
      const right = level(n + 1);
      left = { t: "op", sym: t.value, l: left, r: right };
    }
  };
  const func = (): Stage | undefined => {
    const t = tokens[i];
    if (!t) return undefined;
    if (t.kind === "ACCESSOR") {
      i++;
      return { t: "access", path: t.value as string[] };
    }
    return value();
  };
  const value = (): Stage | undefined => {
    const t = tokens[i++];
    if (!t) return undefined;
    switch (t.kind) {
      case "CLAUSE": {
        const inner = level(0);
        i++;
        return { t: "noop", x: inner as Stage };
      }
      case "CLAUSE_CLOSE":
        i--;
        return undefined;
      case "VARIABLE":
        return { t: "access", path: [t.value as string] };
      case "NUMERIC":
      case "STRING":
      case "PATTERN":
      case "BOOLEAN":
      case "TIME":
        return { t: "lit", v: t.value };
      case "PREFIX":
        return { t: "op", sym: `prefix${String(t.value)}`, l: undefined, r: func() };
    }
    throw new GovaluateError(`Unable to plan token kind: '${t.kind}', value: '${fmt(t.value)}'`);
  };
  if (tokens.length === 0) return undefined;
  return level(0);
}

const formats = {
  logical: "Value '%v' cannot be used with the logical operator '%s', it is not a bool",
  modifier: "Value '%v' cannot be used with the modifier '%s', it is not a number",
  comparator: "Value '%v' cannot be used with the comparator '%s', it is not a number",
  ternary: "Value '%v' cannot be used with the ternary operator '%s', it is not a bool",
  prefix: "Value '%v' cannot be used with the prefix '%s'",
};

function typeError(format: string, v: unknown, sym: string): never {
  throw new GovaluateError(format.replace("%v", fmt(v)).replace("%s", sym === "==" ? "=" : sym));
}

const isNum = (v: unknown): v is number => typeof v === "number";
const isStr = (v: unknown): v is string => typeof v === "string";
const isBool = (v: unknown): v is boolean => typeof v === "boolean";
const SHORT = Symbol("short");

function run(s: Stage | undefined): unknown {
  if (s === undefined) return null;
  switch (s.t) {
    case "lit":
      return s.v;
    case "noop":
      return run(s.x);
    case "access":
      throw new GovaluateError(`No parameter '${s.path[0]}' found.`);
  }
  const sym = s.sym;
  const left = s.l ? run(s.l) : null;
  let right: unknown = null;
  if (sym === "&&" && left === false) return false;
  if (sym === "||" && left === true) return true;
  if (sym === "??" && left !== null) return left;
  if ((sym === "?" && left === false) || (sym === ":" && left !== null)) right = SHORT;
  if (right !== SHORT && s.r) right = run(s.r);
  const numbers = (format: string) => {
    if (!isNum(left)) typeError(format, left, sym);
    if (!isNum(right)) typeError(format, right, sym);
  };
  switch (sym) {
    case "==":
      return deepEqual(left, right);
    case "!=":
      return !deepEqual(left, right);
    case ">":
    case "<":
    case ">=":
    case "<=": {
      if (!((isNum(left) && isNum(right)) || (isStr(left) && isStr(right)))) typeError(formats.comparator, left, sym);
      const a = left as number | string;
      const b = right as number | string;
      return sym === ">" ? a > b : sym === "<" ? a < b : sym === ">=" ? a >= b : a <= b;
    }
    case "=~":
    case "!~": {
      if (!isStr(left)) typeError(formats.comparator, left, sym);
      if (!isStr(right) && !(right instanceof RegExp)) typeError(formats.comparator, right, sym);
      const re = right instanceof RegExp ? right : compileRegex(right as string);
      const m = re.test(left as string);
      return sym === "=~" ? m : !m;
    }
    case "in":
      if (!Array.isArray(right)) typeError(formats.comparator, right, sym);
      return (right as unknown[]).some((v) => v === left);
    case "&&":
    case "||":
      if (!isBool(left)) typeError(formats.logical, left, sym);
      if (!isBool(right)) typeError(formats.logical, right, sym);
      return sym === "&&" ? left && right : left || right;
    case "+":
      if (isNum(left) && isNum(right)) return left + right;
      if (!isStr(left) && !isStr(right)) typeError(formats.modifier, left, sym);
      return fmt(left) + fmt(right);
    case "-":
    case "*":
    case "/":
    case "%":
    case "**":
      numbers(formats.modifier);
      return sym === "-"
        ? (left as number) - (right as number)
        : sym === "*"
          ? (left as number) * (right as number)
          : sym === "/"
            ? (left as number) / (right as number)
            : sym === "%"
              ? (left as number) % (right as number)
              : (left as number) ** (right as number);
    case "&":
    case "|":
    case "^":
    case "<<":
    case ">>": {
      numbers(formats.modifier);
      const a = BigInt(Math.trunc(left as number));
      const b = BigInt(Math.trunc(right as number));
      if (sym === "&") return Number(a & b);
      if (sym === "|") return Number(a | b);
      if (sym === "^") return Number(a ^ b);
      const ua = BigInt.asUintN(64, a);
      return Number(BigInt.asUintN(64, sym === "<<" ? ua << b : ua >> b));
    }
    case "prefix-":
      if (!isNum(right)) typeError(formats.prefix, right, "-");
      return -(right as number);
    case "prefix!":
      if (!isBool(right)) typeError(formats.prefix, right, "!");
      return !right;
    case "prefix~":
      if (!isNum(right)) typeError(formats.prefix, right, "~");
      return Number(~BigInt(Math.trunc(right as number)));
    case "?":
      if (!isBool(left)) typeError(formats.ternary, left, sym);
      return left ? right : null;
    case ":":
    case "??":
      return left !== null ? left : right;
    case ",":
      return Array.isArray(left) ? [...left, right] : [left, right];
  }
  throw new GovaluateError(`unknown operator ${sym}`);
}

/**
 * Evaluates an already-substituted `when` the way Argo does: govaluate, with bare words as strings.
 * Throws an {@link ExprError} (code `E_WHEN`) with Argo's message ("Invalid 'when' expression ...").
 *
 * @example
 * ```ts
 * evaluateWhen("heads == heads"); // true
 * evaluateWhen("Error in (Failed, Error)"); // true
 * evaluateWhen("5 < 10 && foo != bar"); // true
 * ```
 */
export function evaluateWhen(text: string): boolean {
  if (text === "") return true;
  const result = evaluateWhenValue(text);
  if (typeof result !== "boolean")
    throw new ExprError(
      text,
      `Expected boolean evaluation for '${text}'. Got ${fmt(result)}`,
      undefined,
      ExprCodes.when,
    );
  return result;
}

/** The value of a govaluate expression as `shouldExecute` computes it, before the boolean check (numbers are float64). */
export function evaluateWhenValue(text: string): unknown {
  let tokens: Tok[];
  try {
    tokens = lexWhen(text);
    checkSyntax(tokens);
    optimize(tokens);
  } catch (e) {
    if (!(e instanceof GovaluateError)) throw e;
    const hint = e.message.includes("Invalid token")
      ? ' (hint: try wrapping the affected expression in quotes ("))'
      : "";
    throw new ExprError(text, `Invalid 'when' expression '${text}': ${e.message}${hint}`, undefined, ExprCodes.when);
  }
  let stages: Stage | undefined;
  try {
    tokens = tokens.map((t) => (t.kind === "VARIABLE" ? { kind: "STRING", value: t.value } : t));
    checkBalance(tokens);
    checkSyntax(tokens);
    optimize(tokens);
    stages = plan(tokens);
  } catch (e) {
    if (!(e instanceof GovaluateError)) throw e;
    throw new ExprError(text, `Failed to parse 'when' expression '${text}': ${e.message}`, undefined, ExprCodes.when);
  }
  try {
    return run(stages);
  } catch (e) {
    if (!(e instanceof GovaluateError)) throw e;
    throw new ExprError(text, `Failed to evaluate 'when' expresion '${text}': ${e.message}`, undefined, ExprCodes.when);
  }
}

/**
 * A govaluate expression evaluated with named parameters, as Argo Events evaluates expr filters
 * (`exprs[].expr` over `fields`) and trigger `conditions` (over which dependencies arrived):
 * variables take the parameters' values; a variable without one is an error.
 *
 * @example
 * ```ts
 * evaluateGovaluate('a == "b" || c == 10', { a: "b", c: 3 }); // true
 * ```
 */
export function evaluateGovaluate(text: string, parameters: Readonly<Record<string, unknown>>): unknown {
  try {
    let tokens = lexWhen(text);
    checkSyntax(tokens);
    optimize(tokens);
    tokens = tokens.map((t): Tok => {
      if (t.kind !== "VARIABLE") return t;
      const name = String(t.value);
      if (!Object.hasOwn(parameters, name)) throw new GovaluateError(`No parameter '${name}' found.`);
      const v = parameters[name];
      if (typeof v === "number") return { kind: "NUMERIC", value: v };
      if (typeof v === "boolean") return { kind: "BOOLEAN", value: v };
      return { kind: "STRING", value: typeof v === "string" ? v : JSON.stringify(v) };
    });
    checkBalance(tokens);
    return run(plan(tokens));
  } catch (e) {
    if (!(e instanceof GovaluateError)) throw e;
    throw new ExprError(text, `expression '${text}': ${e.message}`, undefined, ExprCodes.when);
  }
}
