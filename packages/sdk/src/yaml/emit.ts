// A hand-written YAML emitter for the compiler's output. Why not `yaml.stringify`: it takes ~800 ms for a
// 5000-template workflow (we need well under 200 ms; this takes ~30 ms) and, even with `version: "1.1"`, it
// leaves strings that go-yaml (Kubernetes' reader) types as numbers unquoted (e.g. `0o17`). The rules here
// are deliberately conservative: a string is written plain only if no YAML 1.1 or 1.2 reader can take it for
// anything else; otherwise single-quoted, or double-quoted when it needs escapes.

import { stringifyJson } from "../core/json.js";

const INDENTS: string[] = [];
function indentOf(n: number): string {
  return (INDENTS[n] ??= " ".repeat(n));
}

// Plain scalars that some YAML 1.1 or 1.2 reader resolves to a non-string (compared lower-cased).
const RESERVED_WORDS = new Set([
  "",
  "~",
  "null",
  "true",
  "false",
  "y",
  "n",
  "yes",
  "no",
  "on",
  "off",
  ".inf",
  "-.inf",
  "+.inf",
  ".nan",
  "<<",
  "=",
]);

/** True for characters that YAML can write raw in any scalar style (c-printable, minus tab and breaks). */
function isSafeChar(c: number): boolean {
  if (c < 0x20) return false;
  if (c < 0x7f) return true;
  if (c <= 0x9f) return false; // DEL, C1 controls (incl. NEL, a YAML 1.1 line break)
  if (c === 0x2028 || c === 0x2029 || c === 0xfeff || c === 0xfffe || c === 0xffff) return false;
  return true;
}

function allSafe(s: string, from = 0): boolean {
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f) continue;
    if (!isSafeChar(c)) return false;
    if (c >= 0xd800 && c <= 0xdfff) {
      // Only well-formed surrogate pairs are printable.
      const next = s.charCodeAt(i + 1);
      if (c > 0xdbff || !(next >= 0xdc00 && next <= 0xdfff)) return false;
      i++;
    }
  }
  return true;
}

function canBePlain(s: string): boolean {
  if (s.length === 0) return false;
  const c0 = s.charCodeAt(0);
  // Anything starting like a number (digits, sign or dot then digit/dot): 0755, 1e3, 12:30, 1_000, 2001-12-14, 1.2.3.
  if (c0 >= 48 && c0 <= 57) return false;
  const c1 = s.length > 1 ? s.charCodeAt(1) : -1;
  if ((c0 === 43 || c0 === 45 || c0 === 46) && ((c1 >= 48 && c1 <= 57) || c1 === 46)) return false;
  switch (s[0]) {
    case "-":
      if (s.length === 1 || c1 === 32 || s.startsWith("---")) return false;
      break;
    case "?":
    case ":":
    case ",":
    case "[":
    case "]":
    case "{":
    case "}":
    case "#":
    case "&":
    case "*":
    case "!":
    case "|":
    case ">":
    case "'":
    case '"':
    case "%":
    case "@":
    case "`":
    case " ":
      return false;
  }
  if (s.startsWith("...")) return false;
  const last = s.charCodeAt(s.length - 1);
  if (last === 32 || last === 58) return false; // trailing space, trailing ':'
  if (s.length <= 5 && RESERVED_WORDS.has(s.toLowerCase())) return false;
  if (s.includes(": ") || s.includes(" #")) return false;
  return allSafe(s);
}

function singleQuoted(s: string): string {
  return `'${s.includes("'") ? s.replaceAll("'", "''") : s}'`;
}

const ESCAPES: Record<number, string> = {
  0: "\\0",
  7: "\\a",
  8: "\\b",
  9: "\\t",
  10: "\\n",
  11: "\\v",
  12: "\\f",
  13: "\\r",
  27: "\\e",
  34: '\\"',
  92: "\\\\",
  133: "\\N",
  8232: "\\L",
  8233: "\\P",
};

function doubleQuoted(s: string): string {
  let out = '"';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let esc: string | undefined;
    if (c === 0x22 || c === 0x5c) esc = ESCAPES[c];
    else if (c >= 0x20 && c < 0x7f) continue;
    else if (
      c >= 0xd800 &&
      c <= 0xdbff &&
      i + 1 < s.length &&
      s.charCodeAt(i + 1) >= 0xdc00 &&
      s.charCodeAt(i + 1) <= 0xdfff
    ) {
      i++;
      continue;
    } else if (c === 0xa0)
      continue; // NBSP is printable; keep it raw
    else if (!isSafeChar(c) || (c >= 0xd800 && c <= 0xdfff))
      esc = ESCAPES[c] ?? `\\u${c.toString(16).padStart(4, "0")}`;
    else continue;
    out += s.slice(start, i) + esc;
    start = i + 1;
  }
  return `${out + s.slice(start)}"`;
}

/** Quoted or plain form of a string on one line (keys and inline values). */
function inlineString(s: string): string {
  if (canBePlain(s)) return s;
  if (allSafe(s) && !s.includes("\t")) return singleQuoted(s);
  return doubleQuoted(s);
}

/** A `|` block scalar header and lines if `s` can be written as one exactly; else undefined. */
function blockLiteral(s: string, indent: string): string | undefined {
  if (
    !s.includes("\n") ||
    s.charCodeAt(0) === 32 ||
    s.includes("\t") ||
    s.includes("\r") ||
    !allSafe(s.replaceAll("\n", ""))
  )
    return undefined;
  let body = s;
  let header = "|-";
  if (s.endsWith("\n")) {
    body = s.slice(0, -1);
    header = body.endsWith("\n") ? "|+" : "|";
  }
  const lines = body.split("\n");
  let out = header;
  let hasContent = false;
  for (const line of lines) {
    if (line.length === 0) {
      out += "\n";
      continue;
    }
    if (line.charCodeAt(line.length - 1) === 32) return undefined; // trailing spaces
    if (!hasContent && line.charCodeAt(0) === 32) return undefined; // would be read as indentation
    hasContent = true;
    out += `\n${indent}${line}`;
  }
  return hasContent ? out : undefined;
}

function number(n: number): string {
  if (Number.isNaN(n)) return ".nan";
  if (n === Infinity) return ".inf";
  if (n === -Infinity) return "-.inf";
  return String(n);
}

function normalize(v: unknown): unknown {
  if (v !== null && typeof v === "object" && typeof (v as { toJSON?: unknown }).toJSON === "function") {
    return (v as { toJSON: () => unknown }).toJSON();
  }
  return v;
}

function isEmptyObject(o: object): boolean {
  for (const k in o) if ((o as Record<string, unknown>)[k] !== undefined) return false;
  return true;
}

// Output goes straight into a growing UTF-8 byte buffer, decoded once at the end: building the text by
// string concatenation makes millions of tiny rope nodes that cost far more (in GC and flattening) than
// the emitting itself.
const encoder = new TextEncoder();
// One buffer reused across calls (emitYaml is synchronous), so a big emit does not re-grow it every time.
let shared = new Uint8Array(1 << 20);

class Writer {
  buf = shared;
  len = 0;
  ascii = true;

  private grow(n: number): void {
    let size = this.buf.length * 2;
    while (size < this.len + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }

  str(s: string): void {
    const n = s.length;
    if (this.len + n * 3 > this.buf.length) this.grow(n * 3);
    const buf = this.buf;
    let len = this.len;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) buf[len++] = c;
      else {
        this.ascii = false;
        len += encoder.encodeInto(i === 0 ? s : s.slice(i), buf.subarray(len)).written;
        break;
      }
    }
    this.len = len;
  }

  byte(c: number): void {
    if (this.len + 1 > this.buf.length) this.grow(1);
    this.buf[this.len++] = c;
  }

  spaces(n: number): void {
    if (this.len + n > this.buf.length) this.grow(n);
    const buf = this.buf;
    let len = this.len;
    for (let i = 0; i < n; i++) buf[len++] = 32;
    this.len = len;
  }

  text(): string {
    const out = Buffer.from(this.buf.buffer, this.buf.byteOffset, this.len).toString(this.ascii ? "latin1" : "utf8");
    if (this.buf.length <= 1 << 26) shared = this.buf; // keep up to 64 MiB for the next call
    return out;
  }

  /** The UTF-8 bytes written (a copy, so the shared buffer can be reused). */
  bytes(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}

const NL = 10;
const SP = 32;
const DASH = 45;
const COLON = 58;

class Emitter {
  w = new Writer();

  /** Writes ` <scalar>\n` (or ` []`, ` {}`) and returns true, or returns false for a non-empty collection. */
  scalarAfter(v: unknown, indent: number, lead: boolean): boolean {
    const w = this.w;
    let text: string;
    switch (typeof v) {
      case "string":
        text = (v.includes("\n") ? blockLiteral(v, indentOf(indent + 2)) : undefined) ?? inlineString(v);
        break;
      case "number":
        text = number(v);
        break;
      case "bigint":
        text = String(v);
        break;
      case "boolean":
        text = v ? "true" : "false";
        break;
      case "undefined":
        text = "null";
        break;
      case "object":
        if (v === null) text = "null";
        else if (Array.isArray(v)) {
          if (v.length > 0) return false;
          text = "[]";
        } else {
          if (!isEmptyObject(v)) return false;
          text = "{}";
        }
        break;
      default:
        throw new TypeError(`emitYaml: cannot emit a ${typeof v}`);
    }
    if (lead) w.byte(SP);
    w.str(text);
    w.byte(NL);
    return true;
  }

  /** A block mapping; its first key goes where the writer is if `inline` (after `- `), else indented. */
  map(o: Record<string, unknown>, indent: number, inline: boolean): void {
    const w = this.w;
    let first = true;
    for (const k in o) {
      const v = normalize(o[k]);
      if (v === undefined || typeof v === "function" || typeof v === "symbol") continue;
      if (!(first && inline)) w.spaces(indent);
      first = false;
      w.str(keyString(k));
      w.byte(COLON);
      if (this.scalarAfter(v, indent, true)) continue;
      w.byte(NL);
      if (Array.isArray(v)) this.seq(v, indent + 2, false);
      else this.map(v as Record<string, unknown>, indent + 2, false);
    }
  }

  /** A block sequence; its first `-` goes where the writer is if `inline`, else indented. */
  seq(a: unknown[], indent: number, inline: boolean): void {
    const w = this.w;
    for (let i = 0; i < a.length; i++) {
      let v = normalize(a[i]);
      if (typeof v === "function" || typeof v === "symbol") v = null;
      if (!(i === 0 && inline)) w.spaces(indent);
      w.byte(DASH);
      if (this.scalarAfter(v, indent, true)) continue;
      w.byte(SP);
      if (Array.isArray(v)) this.seq(v, indent + 2, true);
      else this.map(v as Record<string, unknown>, indent + 2, true);
    }
  }

  doc(v: unknown): void {
    v = normalize(v);
    if (this.scalarAfter(v, 0, false)) return;
    if (Array.isArray(v)) this.seq(v, 0, false);
    else this.map(v as Record<string, unknown>, 0, false);
  }
}

const keyCache = new Map<string, string>();
function keyString(k: string): string {
  let s = keyCache.get(k);
  if (s === undefined) {
    s = k.includes("\n") ? doubleQuoted(k) : inlineString(k);
    if (keyCache.size < 10000) keyCache.set(k, s);
  }
  return s;
}

/**
 * Writes JSON-like documents as a YAML stream (block style, 2-space indent, documents separated by `---`),
 * keeping object key order. Strings are plain only when every YAML 1.1 and 1.2 reader (go-yaml, kubectl,
 * the `yaml` package, PyYAML) reads them back as the same string; multi-line strings become `|`/`|-`/`|+`
 * block literals when that is exact. `undefined` object values are left out, as in JSON.
 *
 * @example
 * ```ts
 * emitYaml([{ kind: "Workflow", spec: { args: ["yes", "0755", "{{inputs.parameters.x}}"], script: "echo hi\n" } }]);
 * // kind: Workflow
 * // spec:
 * //   args:
 * //     - 'yes'
 * //     - '0755'
 * //     - '{{inputs.parameters.x}}'
 * //   script: |
 * //     echo hi
 * ```
 */
export function emitYaml(docs: readonly unknown[]): string {
  return emit(docs).text();
}

/**
 * {@link emitYaml} as UTF-8 bytes, for writing to a file or stdout without a round trip through
 * a JavaScript string (the CLI prints large workflows this way).
 *
 * @example
 * ```ts
 * process.stdout.write(emitYamlBytes([manifest]));
 * ```
 */
export function emitYamlBytes(docs: readonly unknown[]): Uint8Array {
  return emit(docs).bytes();
}

function emit(docs: readonly unknown[]): Writer {
  const e = new Emitter();
  for (let i = 0; i < docs.length; i++) {
    if (i > 0) e.w.str("---\n");
    e.doc(docs[i]);
  }
  return e.w;
}

/**
 * Writes documents as a stream of pretty-printed JSON objects (2-space indent, one after another), which
 * `kubectl apply -f` accepts like a multi-document YAML file.
 *
 * @example
 * ```ts
 * emitJson([{ kind: "Workflow" }]); // '{\n  "kind": "Workflow"\n}\n'
 * ```
 */
export function emitJson(docs: readonly unknown[]): string {
  return docs.map((d) => `${stringifyJson(d, 2)}\n`).join("");
}
