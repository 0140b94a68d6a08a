/** Reading Argo manifests for the import: parse, check the kinds, validate, then generate. */
import { parseK8sYaml, semanticIssues, validateManifest } from "@wfc/sdk";
import { isWorkflowKind, WORKFLOW_KINDS } from "@wfc/sdk/internal";
import { ImportError } from "./errors.js";
import { generateModule } from "./generate.js";
import { positionFinder } from "./positions.js";

const READ = `${WORKFLOW_KINDS.slice(0, -1).join(", ")} and ${WORKFLOW_KINDS.at(-1)}`;

/**
 * Turns Argo manifests (YAML or JSON text; a multi-document stream) into a wfc TypeScript module:
 * one `const` per template, typed inputs and outputs, tasks wired through references, and one
 * exported workflow object per document. `compile()` of the result gives back the input
 * (Kubernetes-equal).
 *
 * Throws a `YamlError` of `@wfc/sdk` (with line and column) for text that is not YAML, and an
 * {@link ImportError} for a document that is not a Workflow, WorkflowTemplate,
 * ClusterWorkflowTemplate or CronWorkflow, one Argo would reject (each problem with its field path
 * and, where it can be found, its line and column), or one using a construct wfc cannot reproduce.
 *
 * @example
 * ```ts
 * import { readFileSync, writeFileSync } from "node:fs";
 * import { importManifests } from "@wfc/import";
 *
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
    if (!isWorkflowKind(kind)) {
      problems.push(
        `${where(i, "kind")}: ${kind === undefined ? "no kind" : `kind ${JSON.stringify(kind)}`}: wfc import reads ${READ} manifests`,
      );
      return;
    }
    // The CRD schema and Argo's semantic checks: the same verdict as `wfc lint` and `wfc build`.
    for (const issue of [...validateManifest(d), ...semanticIssues(d)])
      problems.push(`${where(i, issue.path)}: ${issue.path || "<root>"}: ${issue.message}`);
  });
  if (problems.length) {
    const shown = problems.slice(0, 20);
    if (problems.length > 20) shown.push(`... and ${problems.length - 20} more`);
    throw new ImportError(
      "E_IMPORT_INVALID",
      problems.length === 1 ? shown[0]! : `${problems.length} problems:\n  ${shown.join("\n  ")}`,
    );
  }
  return generateModule(docs as Record<string, unknown>[], file);
}
