import { createRequire } from "node:module";

// The `yaml` package is loaded on first use: `wfc build` never parses YAML, so it should not pay
// for loading it.
type YamlLib = typeof import("yaml");
let lib: YamlLib | undefined;
const yamlLib = (): YamlLib => (lib ??= createRequire(import.meta.url)("yaml") as YamlLib);
const isAlias = ((n: unknown) => yamlLib().isAlias(n)) as YamlLib["isAlias"];
const isMap = ((n: unknown) => yamlLib().isMap(n)) as YamlLib["isMap"];
const isScalar = ((n: unknown) => yamlLib().isScalar(n)) as YamlLib["isScalar"];
const isSeq = ((n: unknown) => yamlLib().isSeq(n)) as YamlLib["isSeq"];
const parseAllDocuments = ((src: string, options: object) =>
  yamlLib().parseAllDocuments(src, options)) as YamlLib["parseAllDocuments"];

import type { Document, DocumentOptions, ParseOptions, SchemaOptions, YAMLError, Node as YamlNode } from "yaml";
import { YamlError } from "./errors.js";
import { resolvePlainScalar } from "./scalars.js";

// The `yaml` package does the lexing and parsing; scalars are read with the failsafe schema (all strings)
// and typed here by go-yaml v2's rules (see scalars.ts), so the result is what `kubectl` sends to the API
// server. The one syntax difference patched: go-yaml does not check indentation inside flow collections,
// and several upstream Argo examples close a multi-line `args: ["...` with a `"]` at the key's column.
// `yaml` rejects that; we re-indent exactly the lines it complains about (only whitespace inside a flow
// collection / before a closing quote changes, which never changes the value) and parse again.

const OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: "1.1",
  schema: "failsafe",
  uniqueKeys: false,
  strict: false,
  prettyErrors: false,
};
const MAX_PATCHES = 200;

/**
 * Reads a (multi-document) YAML stream the way Kubernetes does (go-yaml v2 via sigs.k8s.io/yaml):
 * YAML 1.1 scalars (`yes`/`on`/`y` are booleans, `0755` is octal), duplicate keys (last wins), merge keys,
 * lenient indentation inside flow collections; map keys become strings; empty documents are skipped.
 * Throws {@link YamlError} with file, line and column.
 *
 * @example
 * ```ts
 * const [wf] = parseK8sYaml("kind: Workflow\nspec:\n  parallelism: 0x10\n  suspend: yes\n");
 * // { kind: "Workflow", spec: { parallelism: 16, suspend: true } }
 * ```
 */
export function parseK8sYaml(text: string, file = "<input>"): unknown[] {
  let src = text;
  for (let attempt = 0; ; attempt++) {
    // An empty stream is an empty array (with no errors).
    const list: Document.Parsed[] = [...parseAllDocuments(src, OPTIONS)];
    const firstBad = list.find((d) => d.errors.length > 0);
    if (!firstBad) return list.map((d) => toValue(d, file, src)).filter((v) => v !== null);
    const err = firstBad.errors[0] as YAMLError; // firstBad has at least one
    const patched = attempt < MAX_PATCHES ? reindentFlowLine(src, err) : undefined;
    if (patched === undefined) throw toYamlError(file, err, text === src ? src : text);
    src = patched;
  }
}

function toYamlError(file: string, err: YAMLError, src: string): YamlError {
  const pos = err.linePos?.[0] ?? offsetToLinePos(src, err.pos[0]);
  const reason = (err.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "");
  return new YamlError(file, pos.line, pos.col, reason);
}

function offsetToLinePos(src: string, offset: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < src.length; i++) {
    if (src.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, col: offset - start + 1 };
}

// Lines (0-based index) and their indentation.
function lineAt(src: string, offset: number): number {
  let n = 0;
  for (let i = 0; i < offset && i < src.length; i++) if (src.charCodeAt(i) === 10) n++;
  return n;
}
const indentOf = (l: string): number => l.length - l.trimStart().length;
const CLOSER = /^\s*["'\]},]/;

/**
 * If `err` is the `yaml` package's complaint about an under-indented line inside a flow collection (or a
 * quoted scalar in one), returns the text with that line indented like the line before it; else undefined.
 */
function reindentFlowLine(src: string, err: YAMLError): string | undefined {
  const lines = src.split("\n");
  const line = (i: number): string => lines[i] ?? "";
  const errLine = lineAt(src, err.pos[0]);
  let target: number | undefined;
  if (err.code === "BAD_INDENT" && /^Flow (sequence|mapping)/.test(err.message)) {
    target = errLine;
  } else if (err.code === "MISSING_CHAR" && /^Missing closing .?quote/.test(err.message)) {
    // The quoted scalar was cut at the first line indented no deeper than its parent block.
    const base = indentOf(line(errLine));
    for (let i = errLine + 1; i < lines.length; i++) {
      if (line(i).trim() === "") continue;
      if (indentOf(line(i)) <= base) target = i;
      break;
    }
  }
  if (target === undefined || target === 0 || !CLOSER.test(line(target))) return undefined;
  let prev = target - 1;
  while (prev > 0 && line(prev).trim() === "") prev--;
  const want = Math.max(indentOf(line(prev)), indentOf(line(target)) + 1);
  if (line(target).startsWith("---") || line(target).startsWith("...")) return undefined;
  lines[target] = " ".repeat(want) + line(target).trimStart();
  return lines.join("\n");
}

interface Ctx {
  readonly doc: Document.Parsed;
  readonly file: string;
  readonly src: string;
  readonly seen: Map<YamlNode, unknown>;
}

function toValue(doc: Document.Parsed, file: string, src: string): unknown {
  if (doc.contents === null) return null;
  return convert(doc.contents, { doc, file, src, seen: new Map() });
}

function fail(ctx: Ctx, node: YamlNode | null | undefined, reason: string): never {
  const p = offsetToLinePos(ctx.src, node?.range?.[0] ?? 0);
  throw new YamlError(ctx.file, p.line, p.col, reason);
}

function convert(node: unknown, ctx: Ctx): unknown {
  if (isAlias(node)) {
    const target = node.resolve(ctx.doc);
    if (!target) fail(ctx, node, `unknown anchor '${node.source}' referenced`);
    return convert(target, ctx);
  }
  if (isScalar(node)) return scalar(node.value, node.type, node.tag, ctx, node);
  if (isSeq(node)) {
    const cached = ctx.seen.get(node);
    if (cached !== undefined) return cached;
    const out: unknown[] = [];
    ctx.seen.set(node, out);
    for (const item of node.items) out.push(item == null ? null : convert(item, ctx));
    return out;
  }
  if (isMap(node)) {
    const cached = ctx.seen.get(node);
    if (cached !== undefined) return cached;
    const out: Record<string, unknown> = {};
    ctx.seen.set(node, out);
    for (const pair of node.items) {
      const k = pair.key as YamlNode | null;
      if (isScalar(k) && k.value === "<<" && k.type === "PLAIN" && !k.tag) {
        merge(out, pair.value, ctx);
        continue;
      }
      const key = keyString(k === null ? null : convert(k, ctx), ctx, k);
      set(out, key, pair.value == null ? null : convert(pair.value, ctx));
    }
    return out;
  }
  if (node == null) return null;
  return fail(ctx, null, "unsupported YAML node");
}

// go-yaml v2 merges in place, later entries overwriting earlier ones; a list of maps is merged last to first.
function merge(out: Record<string, unknown>, valueNode: unknown, ctx: Ctx): void {
  const v = valueNode == null ? null : convert(valueNode, ctx);
  const maps = Array.isArray(v) ? [...v].reverse() : [v];
  for (const m of maps) {
    if (m === null || typeof m !== "object" || Array.isArray(m))
      fail(ctx, valueNode as YamlNode, "map merge requires map or sequence of maps as the value");
    for (const [k, x] of Object.entries(m)) set(out, k, x);
  }
}

function set(out: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__")
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
}

// sigs.k8s.io/yaml turns int/float/bool keys into strings and rejects null and collection keys.
function keyString(k: unknown, ctx: Ctx, node: YamlNode | null): string {
  if (typeof k === "string") return k;
  if (typeof k === "boolean") return k ? "true" : "false";
  if (typeof k === "number") {
    if (Number.isNaN(k)) return ".nan";
    if (k === Infinity) return ".inf";
    if (k === -Infinity) return "-.inf";
    return String(k);
  }
  return fail(ctx, node, `unsupported map key: ${JSON.stringify(k)}`);
}

function scalar(value: unknown, type: string | undefined, tag: string | undefined, ctx: Ctx, node: YamlNode): unknown {
  const s = typeof value === "string" ? value : value == null ? "" : String(value);
  const short = tag?.replace(/^tag:yaml\.org,2002:/, "!!");
  if (short === "!!str") return s;
  if (short === "!!binary") return Buffer.from(s.replace(/\s+/g, ""), "base64").toString("utf8");
  const plain = type === "PLAIN";
  if (!short) return plain ? resolvePlainScalar(s) : s;
  if (short === "!!null" || short === "!!bool" || short === "!!int" || short === "!!float") {
    const v = resolvePlainScalar(s);
    const ok =
      (short === "!!null" && v === null) ||
      (short === "!!bool" && typeof v === "boolean") ||
      ((short === "!!int" || short === "!!float") && typeof v === "number");
    if (!ok) fail(ctx, node, `cannot decode \`${s}\` as a ${short}`);
    return v;
  }
  if (short === "!!timestamp") return s;
  // Any other tag: go-yaml keeps the scalar's text.
  return s;
}
