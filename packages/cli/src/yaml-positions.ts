/**
 * Positions of fields in YAML (and JSON) input files: maps a manifest field path such as
 * `spec.templates[1].container.comand` to the `line:col` where the user wrote it.
 */
import { readFileSync } from "node:fs";
import { yamlLibrary } from "@wfc/sdk/internal";
import type { Node } from "yaml";

// The `yaml` package is loaded on first use: every command imports this module (through lint's
// check), and loading `yaml` costs time that only a YAML problem's position needs (the SDK's
// bundled copy, one file).
type YamlLib = typeof import("yaml");
const yamlLib = yamlLibrary;
type Docs = ReturnType<YamlLib["parseAllDocuments"]>;
type LineCounter = InstanceType<YamlLib["LineCounter"]>;

const cache = new Map<string, { docs: Docs; lines: LineCounter } | undefined>();

function parsed(file: string) {
  if (cache.has(file)) return cache.get(file);
  let entry: { docs: Docs; lines: LineCounter } | undefined;
  try {
    const { LineCounter: Lines, parseAllDocuments } = yamlLib();
    const lines = new Lines();
    const docs = parseAllDocuments(readFileSync(file, "utf8"), { lineCounter: lines });
    entry = Array.isArray(docs) ? { docs, lines } : undefined;
  } catch {
    entry = undefined;
  }
  cache.set(file, entry);
  return entry;
}

/** `spec.templates[0].container.comand` -> `["spec", "templates", 0, "container", "comand"]`. */
function segments(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[([^\]]*)\]/g)) {
    if (m[1] !== undefined) out.push(m[1]);
    else out.push(/^\d+$/.test(m[2]!) ? Number(m[2]) : m[2]!);
  }
  return out;
}

/**
 * The `{ line, column }` (1-based) of the field at `path` in document `index` of `file`: the key
 * of the deepest field of the path that exists, or undefined when the file cannot be read.
 *
 * @example
 * ```ts
 * fieldPosition("wf.yaml", 0, "spec.templates[1].container.comand") // { line: 18, column: 9 }
 * ```
 */
export function fieldPosition(file: string, index: number, path: string): { line: number; column: number } | undefined {
  const p = parsed(file);
  // parseK8sYaml drops empty documents; so does this
  const doc = p?.docs.filter((d) => d.contents !== null)[index];
  if (!p || !doc) return undefined;
  let node: unknown = doc.contents;
  let at: number | undefined = (doc.contents as Node | null)?.range?.[0];
  for (const seg of segments(path)) {
    if (yamlLib().isMap(node)) {
      const pair = node.items.find((it) => (it.key as { value?: unknown } | null)?.value === seg);
      if (!pair) break;
      at = (pair.key as Node).range?.[0] ?? at;
      node = pair.value;
    } else if (yamlLib().isSeq(node) && typeof seg === "number") {
      const item = node.items[seg] as Node | undefined;
      if (!item) break;
      at = item.range?.[0] ?? at;
      node = item;
    } else break;
  }
  if (at === undefined) return undefined;
  const { line, col } = p.lines.linePos(at);
  return { line, column: col };
}
