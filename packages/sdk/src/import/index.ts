import { isMap, isSeq, parseAllDocuments, type Node as YamlNode } from "yaml";
import { parseK8sYaml } from "../yaml/parse.js";
import { YamlError } from "../yaml/errors.js";
import { validateManifest } from "../validate/validate.js";
import { generateModule, ImportError } from "./generate.js";

export { ImportError } from "./generate.js";

const KINDS = new Set(["Workflow", "WorkflowTemplate", "ClusterWorkflowTemplate", "CronWorkflow"]);

/**
 * Turns Argo manifests (YAML or JSON text; a multi-document stream) into a wfc TypeScript module:
 * one `const` per template, typed inputs and outputs, tasks wired through references, and one
 * exported workflow object per document. `compile()` of the result gives back the input
 * (Kubernetes-equal).
 *
 * Throws a {@link YamlError} (with line and column) for text that is not YAML, and an
 * {@link ImportError} for a document that is not a Workflow, WorkflowTemplate,
 * ClusterWorkflowTemplate or CronWorkflow, one Argo would reject (each problem with its field path
 * and, where it can be found, its line and column), or one using a construct wfc cannot reproduce.
 *
 * @example
 * ```ts
 * import { importManifests } from "@wfc/sdk";
 * const ts = importManifests(readFileSync("hello.yaml", "utf8"), "hello.yaml");
 * writeFileSync("hello.ts", ts);
 * ```
 */
export function importManifests(text: string, file = "<input>"): string {
  const docs = parseK8sYaml(text, file);
  if (!docs.length) throw new ImportError("E_IMPORT_EMPTY", `${file}: no manifests in the input`);
  const problems: string[] = [];
  let positions: ((i: number, path: string) => string) | undefined;
  const where = (i: number, path: string): string => {
    positions ??= positionFinder(text, file);
    return positions(i, path);
  };
  docs.forEach((d, i) => {
    const kind = (d as { kind?: unknown } | null)?.kind;
    if (typeof d !== "object" || d === null || Array.isArray(d)) {
      problems.push(`${where(i, "")}: document ${i + 1} is not an object`);
      return;
    }
    if (!KINDS.has(kind as string)) {
      problems.push(
        `${where(i, "kind")}: ${kind === undefined ? "no kind" : `kind ${JSON.stringify(kind)}`}: wfc import reads Workflow, WorkflowTemplate, ClusterWorkflowTemplate and CronWorkflow manifests`,
      );
      return;
    }
    for (const issue of validateManifest(d)) problems.push(`${where(i, issue.path)}: ${issue.path || "<root>"}: ${issue.message}`);
  });
  if (problems.length) {
    const shown = problems.slice(0, 20);
    if (problems.length > 20) shown.push(`... and ${problems.length - 20} more`);
    throw new ImportError("E_IMPORT_INVALID", problems.length === 1 ? shown[0]! : `${problems.length} problems:\n  ${shown.join("\n  ")}`);
  }
  return generateModule(docs as Record<string, unknown>[], file);
}

/** Maps a document index and a validation path (`spec.templates[0].container.image`) to `file:line:col`. */
function positionFinder(text: string, file: string): (i: number, path: string) => string {
  let docs: ReturnType<typeof parseAllDocuments> | undefined;
  try {
    docs = parseAllDocuments(text, { version: "1.1", schema: "failsafe", uniqueKeys: false, strict: false });
  } catch {
    docs = undefined;
  }
  const list = Array.isArray(docs) ? docs.filter((d) => d.contents !== null) : [];
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const pos = (offset: number): string => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return `${file}:${lo + 1}:${offset - lineStarts[lo]! + 1}`;
  };
  return (i, path) => {
    const doc = list[i];
    if (!doc) return file;
    let node: YamlNode | null | undefined = doc.contents as YamlNode;
    let at = node?.range?.[0] ?? 0;
    const segs = [...path.matchAll(/([^.[\]]+)|\[([^\]]*)\]/g)].map((m) => m[1] ?? m[2]!);
    for (const seg of segs) {
      if (isMap(node)) {
        const pair = node.items.find((p) => String((p.key as { value?: unknown } | null)?.value) === seg);
        if (!pair) break;
        at = (pair.key as YamlNode | null)?.range?.[0] ?? at;
        node = pair.value as YamlNode | null;
      } else if (isSeq(node) && /^\d+$/.test(seg)) {
        const item = node.items[Number(seg)] as YamlNode | undefined;
        if (!item) break;
        at = item.range?.[0] ?? at;
        node = item;
      } else break;
    }
    return pos(at);
  };
}

export { YamlError };
