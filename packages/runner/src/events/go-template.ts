/**
 * The part of Go's text/template (with sprig functions) that Argo Events' `dataTemplate`,
 * `contextTemplate` and data filter `template` use: `{{ .Input.a.b }}` field access, pipelines
 * (`{{ .Input.sha | substr 0 7 }}`), function calls (`{{ upper .Input.name }}`), string and
 * number literals, `{{-`/`-}}` trimming. Control structures (`if`, `range`, `with`, variables)
 * are refused with {@link EventCodes.template}, naming the action.
 */
import { EventCodes, EventError } from "./errors.js";
import { formatNumber } from "./json-path.js";

type Fn = (...args: unknown[]) => unknown;

const str = (v: unknown): string => goString(v);

/** The sprig functions supported, by name (arguments in Go order: the piped value comes last). */
const FUNCS: Record<string, Fn> = {
  lower: (s) => str(s).toLowerCase(),
  upper: (s) => str(s).toUpperCase(),
  title: (s) => str(s).replace(/(^|[^\p{L}\p{N}'])(\p{L})/gu, (_m, a: string, b: string) => a + b.toUpperCase()),
  trim: (s) => str(s).trim(),
  nospace: (s) => str(s).replace(/\s+/g, ""),
  quote: (...a) => a.map((s: unknown) => JSON.stringify(str(s))).join(" "),
  squote: (...a) => a.map((s: unknown) => `'${str(s)}'`).join(" "),
  toString: (s: unknown) => str(s),
  toJson: (v) => JSON.stringify(v ?? null),
  substr: (start, end, s) => {
    const t = str(s);
    const a = Number(start);
    const b = Number(end);
    if (a < 0) return t.slice(0, b);
    if (b < 0 || b > t.length) return t.slice(a);
    return t.slice(a, b);
  },
  trunc: (n, s) => {
    const t = str(s);
    const k = Number(n);
    return k >= 0 ? t.slice(0, k) : t.slice(Math.max(0, t.length + k));
  },
  replace: (from, to, s) => str(s).split(str(from)).join(str(to)),
  default: (d, v) => (v === undefined || v === null || v === "" || v === false || v === 0 ? d : v),
  b64enc: (s) => Buffer.from(str(s)).toString("base64"),
  b64dec: (s) => Buffer.from(str(s), "base64").toString("utf8"),
  cat: (...a) =>
    a
      .filter((x) => x !== undefined && x !== null)
      .map(str)
      .join(" "),
  len: (v) => (typeof v === "string" || Array.isArray(v) ? v.length : Object.keys(v ?? {}).length),
};

/** A value as Go's fmt prints it with %v (what text/template writes). */
export function goString(v: unknown): string {
  if (v === undefined) return "<no value>";
  if (v === null) return "<nil>";
  if (typeof v === "string") return v;
  if (typeof v === "number") return Math.abs(v) >= 1e21 ? String(v).replace("e+", "e+") : formatNumber(v);
  if (typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return `[${v.map(goString).join(" ")}]`;
  const o = v as Record<string, unknown>;
  return `map[${Object.keys(o)
    .sort()
    .map((k) => `${k}:${goString(o[k])}`)
    .join(" ")}]`;
}

function tokens(action: string, where: string): string[] {
  const out: string[] = [];
  const re = /\s*("(?:[^"\\]|\\.)*"|`[^`]*`|\||\(|\)|[^\s|()]+)/gy;
  let m: RegExpExecArray | null = re.exec(action);
  while (m) {
    out.push(m[1] ?? "");
    m = re.exec(action);
  }
  if (out.join("").replace(/\s/g, "") !== action.replace(/\s/g, ""))
    throw new EventError(EventCodes.template, `${where}: cannot read template action {{${action}}}`);
  return out;
}

function operand(tok: string, data: unknown, where: string): unknown {
  if (tok.startsWith('"')) return JSON.parse(tok);
  if (tok.startsWith("`")) return tok.slice(1, -1);
  if (/^-?\d+(\.\d+)?$/.test(tok)) return Number(tok);
  if (tok === "true" || tok === "false") return tok === "true";
  if (tok === ".") return data;
  if (tok.startsWith(".")) {
    let cur: unknown = data;
    for (const k of tok.slice(1).split(".")) {
      if (cur === null || typeof cur !== "object") return undefined;
      cur = (cur as Record<string, unknown>)[k];
    }
    return cur;
  }
  throw new EventError(EventCodes.template, `${where}: unsupported template operand "${tok}"`);
}

function command(words: readonly string[], data: unknown, piped: unknown[], where: string): unknown {
  const [head, ...rest] = words;
  if (head === undefined) throw new EventError(EventCodes.template, `${where}: empty template command`);
  if (["if", "range", "with", "define", "template", "block", "else", "end"].includes(head) || head.startsWith("$"))
    throw new EventError(
      EventCodes.template,
      `${where}: the local runner does not support the template action "${head}" (only fields, literals and functions)`,
    );
  const fn = Object.hasOwn(FUNCS, head) ? FUNCS[head] : undefined;
  if (!fn) {
    if (head.startsWith(".") || head.startsWith('"') || /^-?\d/.test(head)) {
      if (rest.length || piped.length) throw new EventError(EventCodes.template, `${where}: ${head} is not a function`);
      return operand(head, data, where);
    }
    throw new EventError(
      EventCodes.template,
      `${where}: template function "${head}" is not supported by the local runner (supported: ${Object.keys(FUNCS).join(", ")})`,
    );
  }
  return fn(...rest.map((w) => operand(w, data, where)), ...piped);
}

/**
 * Executes a Go template with `data` as its dot (Argo Events passes `{ Input: ... }`).
 *
 * @example
 * ```ts
 * executeGoTemplate("{{ .Input.sha | substr 0 7 }}", { Input: { sha: "0123456789" } }, "dataTemplate"); // "0123456"
 * ```
 */
export function executeGoTemplate(text: string, data: unknown, where: string): string {
  let out = "";
  let rest = text;
  for (;;) {
    const open = rest.indexOf("{{");
    if (open < 0) return out + rest;
    let lit = rest.slice(0, open);
    let body = rest.slice(open + 2);
    const close = body.indexOf("}}");
    if (close < 0) throw new EventError(EventCodes.template, `${where}: unclosed action in template "${text}"`);
    let action = body.slice(0, close);
    body = body.slice(close + 2);
    if (action.startsWith("-")) {
      lit = lit.replace(/\s+$/, "");
      action = action.slice(1);
    }
    if (action.endsWith("-")) {
      action = action.slice(0, -1);
      body = body.replace(/^\s+/, "");
    }
    out += lit;
    rest = body;
    if (action.trim().startsWith("/*")) continue;
    const segments: string[][] = [[]];
    for (const t of tokens(action.trim(), where)) {
      if (t === "|") segments.push([]);
      else if (t === "(" || t === ")")
        throw new EventError(EventCodes.template, `${where}: parenthesised template pipelines are not supported`);
      else segments[segments.length - 1]?.push(t);
    }
    let value: unknown;
    segments.forEach((words, i) => {
      value = command(words, data, i === 0 ? [] : [value], where);
    });
    out += goString(value);
  }
}
