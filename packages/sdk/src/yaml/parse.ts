import { yamlLibrary } from "./library.js";

// The `yaml` package is loaded on first use (library.ts).
type YamlLib = typeof import("yaml");
const yamlLib = yamlLibrary;
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
 * Bounds on the YAML {@link parseK8sYaml} reads.
 *
 * @example
 * ```ts
 * parseK8sYaml(text, "wf.yaml", { maxBytes: 1 << 20 });
 * ```
 */
export interface YamlLimits {
  /** The largest input, in UTF-8 bytes. @default 16 MiB ({@link YAML_LIMITS}) */
  readonly maxBytes?: number;
  /** The deepest nesting of mappings and sequences (aliases expanded). @default 500 */
  readonly maxDepth?: number;
}

/**
 * The default limits of {@link parseK8sYaml}: 16 MiB of input (the API server takes at most 3 MiB per
 * object) and 500 levels of nesting (no Argo manifest comes near 50; the parser itself runs out of
 * stack near 800 levels of flow nesting, which is reported the same way).
 *
 * @example
 * ```ts
 * YAML_LIMITS.maxBytes; // 16777216
 * ```
 */
export const YAML_LIMITS: Required<YamlLimits> = Object.freeze({ maxBytes: 16 * 1024 * 1024, maxDepth: 500 });

const mib = (n: number): string => `${(n / 1024 / 1024).toFixed(n < 1024 * 1024 ? 2 : 1)} MiB`;

/**
 * Reads a (multi-document) YAML stream the way Kubernetes does (go-yaml v2 via sigs.k8s.io/yaml):
 * YAML 1.1 scalars (`yes`/`on`/`y` are booleans, `0755` is octal), duplicate keys (last wins), merge keys,
 * lenient indentation inside flow collections; map keys become strings; empty documents are skipped.
 * Integers past 2^53 are BigInts (exact, as kubectl keeps them). Refuses, as kubectl does, a document
 * whose aliases expand it excessively (a "billion laughs" bomb), and bounds the input's size and
 * nesting depth ({@link YAML_LIMITS}). Throws {@link YamlError} with file, line, column and a code.
 *
 * @example
 * ```ts
 * const [wf] = parseK8sYaml("kind: Workflow\nspec:\n  parallelism: 0x10\n  suspend: yes\n");
 * // { kind: "Workflow", spec: { parallelism: 16, suspend: true } }
 * ```
 */
export function parseK8sYaml(text: string, file = "<input>", limits: YamlLimits = {}): unknown[] {
  const maxBytes = limits.maxBytes ?? YAML_LIMITS.maxBytes;
  const maxDepth = limits.maxDepth ?? YAML_LIMITS.maxDepth;
  // A character is at least one byte: only a text that may be over the limit is measured.
  if (text.length > maxBytes / 3) {
    const bytes = Buffer.byteLength(text);
    if (bytes > maxBytes)
      throw new YamlError(
        file,
        1,
        1,
        `the input is ${mib(bytes)}, over the limit of ${mib(maxBytes)} for YAML input (the API server takes at most 3 MiB per object): split it into several files`,
        "E_YAML_TOO_LARGE",
      );
  }
  let src = text;
  for (let attempt = 0; ; attempt++) {
    // An empty stream is an empty array (with no errors).
    const list: Document.Parsed[] = [...parseAllDocuments(src, OPTIONS)];
    const firstBad = list.find((d) => d.errors.length > 0);
    if (!firstBad) return list.map((d) => toValue(d, file, src, maxDepth)).filter((v) => v !== null);
    const err = firstBad.errors[0] as YAMLError; // firstBad has at least one
    const patched = attempt < MAX_PATCHES ? reindentFlowLine(src, err) : undefined;
    if (patched === undefined) throw toYamlError(file, err, text === src ? src : text, maxDepth);
    src = patched;
  }
}

function toYamlError(file: string, err: YAMLError, src: string, maxDepth: number): YamlError {
  const pos = err.linePos?.[0] ?? offsetToLinePos(src, err.pos[0]);
  const reason = (err.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "");
  // The parser recurses per nesting level: past a few hundred levels it runs out of stack.
  if (reason.startsWith("Maximum call stack size exceeded"))
    return new YamlError(file, pos.line, pos.col, tooDeepReason(maxDepth), "E_YAML_TOO_DEEP");
  return new YamlError(file, pos.line, pos.col, reason);
}

const tooDeepReason = (maxDepth: number): string =>
  `nesting deeper than ${maxDepth} levels of mappings and sequences (the limit for YAML input)`;

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

function toValue(doc: Document.Parsed, file: string, src: string, maxDepth: number): unknown {
  if (doc.contents === null) return null;
  const ctx: Ctx = { doc, file, src, seen: new Map() };
  checkExpansion(doc.contents, ctx, maxDepth);
  return convert(doc.contents, ctx);
}

// go-yaml v2's rule against alias bombs (decode.go, allowedAliasRatio): once a document has decoded
// more than 1000 nodes of which more than 100 came through aliases, the share of aliased nodes may be
// at most 99% up to 400,000 decoded nodes, falling linearly to 10% at 4,000,000.
function allowedAliasRatio(decoded: number): number {
  if (decoded <= 400_000) return 0.99;
  if (decoded >= 4_000_000) return 0.1;
  return 0.99 - 0.89 * ((decoded - 400_000) / 3_600_000);
}

/** Expanded size (nodes, aliases expanded) and height of a node, memoized per node. */
interface Extent {
  readonly nodes: number;
  readonly height: number;
}

/**
 * Walks the document as go-yaml decodes it, counting decoded and aliased nodes without expanding
 * anything (each alias target's expanded size is computed once), and fails on excessive aliasing,
 * on an anchor that contains itself and on nesting deeper than `maxDepth`.
 */
function checkExpansion(root: unknown, ctx: Ctx, maxDepth: number): void {
  const extents = new Map<unknown, Extent>();
  const inProgress = new Set<unknown>();
  const tooDeep = (node: unknown): never => fail(ctx, node as YamlNode, tooDeepReason(maxDepth), "E_YAML_TOO_DEEP");
  const children = (node: unknown): unknown[] => {
    if (isSeq(node)) return node.items;
    if (isMap(node)) return node.items.flatMap((p) => [p.key, p.value]);
    return [];
  };
  // The expanded size of a node (aliases replaced by their targets).
  const extent = (node: unknown, level: number): Extent => {
    if (node == null || isScalar(node)) return { nodes: 1, height: 0 };
    if (level > maxDepth) tooDeep(node);
    const known = extents.get(node);
    if (known) {
      if (level + known.height > maxDepth) tooDeep(node);
      return known;
    }
    if (inProgress.has(node))
      fail(
        ctx,
        node as YamlNode,
        "anchor's value contains itself (an alias refers to its own anchor)",
        "E_YAML_ALIASING",
      );
    inProgress.add(node);
    let out: Extent;
    if (isAlias(node)) {
      const target = node.resolve(ctx.doc);
      if (!target) fail(ctx, node, `unknown anchor '${node.source}' referenced`);
      const t = extent(target, level);
      out = { nodes: 1 + t.nodes, height: t.height };
    } else {
      let nodes = 1;
      let height = 0;
      for (const c of children(node)) {
        const e = extent(c, level + 1);
        nodes += e.nodes;
        if (e.height + 1 > height) height = e.height + 1;
      }
      out = { nodes, height };
    }
    inProgress.delete(node);
    extents.set(node, out);
    return out;
  };
  let decoded = 0;
  let aliased = 0;
  const visit = (node: unknown, level: number): void => {
    decoded++;
    if (node == null || isScalar(node)) return;
    if (level > maxDepth) tooDeep(node);
    if (isAlias(node)) {
      const target = node.resolve(ctx.doc);
      if (!target) fail(ctx, node, `unknown anchor '${node.source}' referenced`);
      const t = extent(target, level);
      decoded += t.nodes;
      aliased += t.nodes;
      if (aliased > 100 && decoded > 1000 && aliased / decoded > allowedAliasRatio(decoded))
        fail(
          ctx,
          node,
          `document contains excessive aliasing: by this alias ${Math.round((100 * aliased) / decoded)}% of the ${decoded >= 1e15 ? "more than 10^15" : decoded} nodes read came through aliases (a YAML bomb?); kubectl refuses it too`,
          "E_YAML_ALIASING",
        );
      return;
    }
    for (const c of children(node)) visit(c, level + 1);
  };
  visit(root, 1);
}

function fail(ctx: Ctx, node: YamlNode | null | undefined, reason: string, code?: string): never {
  const p = offsetToLinePos(ctx.src, node?.range?.[0] ?? 0);
  throw new YamlError(ctx.file, p.line, p.col, reason, code);
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
  if (typeof k === "bigint") return String(k);
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
      ((short === "!!int" || short === "!!float") && (typeof v === "number" || typeof v === "bigint"));
    if (!ok) fail(ctx, node, `cannot decode \`${s}\` as a ${short}`);
    return v;
  }
  if (short === "!!timestamp") return s;
  // Any other tag: go-yaml keeps the scalar's text.
  return s;
}
