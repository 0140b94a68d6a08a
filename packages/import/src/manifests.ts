/** Reading Argo manifests for the import: parse, check the kinds, validate, then generate. */
import { EVENTS_KINDS, validateEventsManifest } from "@wfc/events";
import { parseK8sYaml, semanticIssues, validateManifest } from "@wfc/sdk";
import { isWorkflowKind, WORKFLOW_KINDS } from "@wfc/sdk/internal";
import { ImportError } from "./errors.js";
import type { KnownSource } from "./events/documents.js";
import { generateModule } from "./generate.js";
import type { SharedTemplate } from "./module.js";
import { type NormalizeOptions, normalizeDocument } from "./normalize.js";
import { positionFinder } from "./positions.js";
import { isObj, type Obj } from "./values.js";

/**
 * Options of {@link importManifests} and {@link importModule}.
 *
 * @example
 * ```ts
 * const options: ImportOptions = { keepServerFields: true };
 * ```
 */
export interface ImportOptions extends NormalizeOptions {
  /**
   * Event sources defined in other modules that this module's sensors may import, by name
   * (`{ events, type, module: "./event-sources__amqp.js" }`). Others are `externalEventSource(...)`.
   * @default none
   */
  readonly knownSources?: ReadonlyMap<string, KnownSource>;
  /**
   * WorkflowTemplates (key `name`) and ClusterWorkflowTemplates (`name/cluster`) that other
   * generated modules export: a `templateRef` to one becomes an import of it (see
   * {@link importDirectory}). Others stay `templateRef({ name }, ...)`.
   * @default none
   */
  readonly sharedTemplates?: ReadonlyMap<string, SharedTemplate>;
}

/**
 * A generated module and what the import changed on the way, one line per change.
 *
 * @example
 * ```ts
 * const result: ImportResult = importModule("kind: Workflow\nmetadata: {generateName: a-}\nspec: {templates: []}\n");
 * console.log(result.code, result.notes);
 * ```
 */
export interface ImportResult {
  /** The TypeScript module. */
  readonly code: string;
  /** What was changed in the input (server fields dropped, pre-v4 forms converted): `file: Kind/name: ...`. */
  readonly notes: readonly string[];
  /** The workflow objects the module exports, by `Kind/name`: `default` or the export's name. */
  readonly exported: ReadonlyMap<string, string>;
}

const READ = `${WORKFLOW_KINDS.join(", ")}, WorkflowEventBinding, ${EVENTS_KINDS.slice(0, -1).join(", ")} and ${EVENTS_KINDS.at(-1)}`;

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
export function importManifests(text: string, file = "<input>", options: ImportOptions = {}): string {
  return importModule(text, file, options).code;
}

/**
 * {@link importManifests}, also returning what the import changed in the input: server-set fields
 * of a live object dropped, pre-v4 forms converted, empty `inputs: {}` dropped (one note per
 * document and kind of change; the generated module says the same in its header).
 *
 * @example
 * ```ts
 * import { importModule } from "@wfc/import";
 *
 * import { readFileSync } from "node:fs";
 *
 * const { code, notes } = importModule(readFileSync("live.yaml", "utf8"), "live.yaml");
 * for (const n of notes) console.error(n); // live.yaml: Workflow/hello-x2k9: dropped server-set fields (status, ...)
 * ```
 */
export function importModule(text: string, file = "<input>", options: ImportOptions = {}): ImportResult {
  const parsed = parseK8sYaml(text, file);
  // A `List` (kubectl get -o yaml of several objects) stands for its items.
  const docs: unknown[] = [];
  const origin: { index: number; path: string }[] = [];
  parsed.forEach((d, index) => {
    if (isObj(d) && d.kind === "List" && Array.isArray(d.items)) {
      d.items.forEach((item, j) => {
        docs.push(item);
        origin.push({ index, path: `items[${j}]` });
      });
    } else {
      docs.push(d);
      origin.push({ index, path: "" });
    }
  });
  if (!docs.length) throw new ImportError("E_IMPORT_EMPTY", `${file}: no manifests in the input`);
  const problems: string[] = [];
  let positions: ((i: number, path: string) => string) | undefined;
  const where = (i: number, path: string): string => {
    positions ??= positionFinder(text, file);
    const o = origin[i]!;
    return positions(o.index, o.path && path ? `${o.path}.${path}` : o.path || path);
  };
  const notes: string[] = [];
  docs.forEach((d, i) => {
    const kind = (d as { kind?: unknown } | null)?.kind;
    if (typeof d !== "object" || d === null || Array.isArray(d)) {
      problems.push(`${where(i, "")}: document ${i + 1} is not an object`);
      return;
    }
    if (typeof kind === "string" && EVENTS_KINDS.includes(kind)) {
      for (const n of normalizeDocument(d as Obj, options)) notes.push(`${docLabel(file, d as Obj, i)}: ${n}`);
      for (const issue of validateEventsManifest(d))
        problems.push(`${where(i, issue.path)}: ${issue.path || "<root>"}: ${issue.message}`);
      return;
    }
    if (!isWorkflowKind(kind) && kind !== "WorkflowEventBinding") {
      problems.push(
        `${where(i, "kind")}: ${kind === undefined ? "no kind" : `kind ${JSON.stringify(kind)}`}: wfc import reads ${READ} manifests`,
      );
      return;
    }
    const label = docLabel(file, d as Obj, i);
    for (const n of normalizeDocument(d as Obj, options)) notes.push(`${label}: ${n}`);
    // The CRD schema and Argo's semantic checks: the same verdict as `wfc lint` and `wfc build`.
    for (const issue of [...validateManifest(d), ...semanticIssues(d)])
      problems.push(`${where(i, issue.path)}: ${issue.path || "<root>"}: ${issue.message}`);
    for (const p of namingProblems(d as Obj)) problems.push(`${where(i, p.path)}: ${p.message}`);
  });
  if (problems.length) {
    const shown = problems.slice(0, 20);
    if (problems.length > 20) shown.push(`... and ${problems.length - 20} more`);
    throw new ImportError(
      "E_IMPORT_INVALID",
      problems.length === 1 ? shown[0]! : `${problems.length} problems:\n  ${shown.join("\n  ")}`,
    );
  }
  const { code, exported } = generateModule(docs as Obj[], file, notes, options.knownSources, options.sharedTemplates);
  return { code, notes, exported };
}

function docLabel(file: string, d: Obj, i: number): string {
  const meta = isObj(d.metadata) ? d.metadata : {};
  return `${file}: ${String(d.kind)}/${String(meta.name ?? meta.generateName ?? `document-${i + 1}`)}`;
}

/**
 * What `wfc build` refuses about names that the CRD schema and the semantic checks let through: a
 * WorkflowTemplate, ClusterWorkflowTemplate or CronWorkflow with only a `generateName` (Kubernetes would make a name on `create`, but nothing could refer to it, and
 * `kubectl apply` and `wfc build` need a name).
 */
function namingProblems(d: Obj): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  const meta = isObj(d.metadata) ? d.metadata : {};
  if (d.kind !== "Workflow" && meta.name === undefined && meta.generateName !== undefined)
    out.push({
      path: "metadata.generateName",
      message: `a ${String(d.kind)} needs metadata.name: generateName is for Workflows (templateRef and kubectl apply refer to it by name; wfc build refuses it too)`,
    });
  return out;
}
