/** Importing a repository of YAML at once: one module per file, templateRefs between them as imports. */
import { posix } from "node:path";
import { parseK8sYaml } from "@wfc/sdk";
import { type ImportOptions, importModule } from "./manifests.js";
import type { SharedTemplate } from "./module.js";
import { isObj } from "./values.js";

/**
 * One input file of {@link importDirectory}: its path (relative, `/`-separated) and text.
 *
 * @example
 * ```ts
 * const file: SourceFile = { path: "flows/main.yaml", text: "kind: Workflow\n" };
 * ```
 */
export interface SourceFile {
  readonly path: string;
  readonly text: string;
}

/**
 * What {@link importDirectory} made of a set of files.
 *
 * @example
 * ```ts
 * const result: DirectoryImport = importDirectory([]);
 * for (const r of result.refused) console.error(`${r.path}: [${r.code}] ${r.reason}`);
 * ```
 */
export interface DirectoryImport {
  /** The generated modules: `path` is the input's with `.ts` for `.yaml`/`.yml`/`.json`. */
  readonly modules: readonly {
    readonly path: string;
    readonly source: string;
    readonly code: string;
    readonly notes: readonly string[];
  }[];
  /** The files that did not import, with the error's code and message. */
  readonly refused: readonly { readonly path: string; readonly code: string; readonly reason: string }[];
}

/**
 * The module path of a YAML file: `a/b.yaml` -> `a/b.ts`.
 *
 * @example
 * ```ts
 * modulePath("flows/main.yaml"); // "flows/main.ts"
 * ```
 */
export const modulePath = (path: string): string => `${path.replace(/\.(ya?ml|json)$/i, "")}.ts`;

/**
 * Imports many files, one module each. A `templateRef` to a WorkflowTemplate (or
 * ClusterWorkflowTemplate) defined in another file of the set becomes an import of that module's
 * export, passed to `templateRef(...)` as the source. A file that does not import is listed in
 * `refused` with its reason; the others are imported all the same.
 *
 * @example
 * ```ts
 * import { importDirectory } from "@wfc/import";
 *
 * import { readFileSync } from "node:fs";
 *
 * const { modules, refused } = importDirectory(
 *   ["lib.yaml", "main.yaml"].map((path) => ({ path, text: readFileSync(path, "utf8") })),
 * );
 * // modules[1].code: import lib from "./lib.js"; ... templateRef(lib, "say", ...)
 * ```
 */
export function importDirectory(files: readonly SourceFile[], options: ImportOptions = {}): DirectoryImport {
  // Which file defines which WorkflowTemplate.
  const definedIn = new Map<string, string>();
  for (const f of files) {
    let docs: unknown[];
    try {
      docs = parseK8sYaml(f.text, f.path);
    } catch {
      continue;
    }
    for (const d of docs) {
      if (!isObj(d) || !isObj(d.metadata) || typeof d.metadata.name !== "string") continue;
      if (d.kind === "WorkflowTemplate") definedIn.set(d.metadata.name, f.path);
      if (d.kind === "ClusterWorkflowTemplate") definedIn.set(`${d.metadata.name}/cluster`, f.path);
    }
  }
  // First pass: every file on its own (what each exports, and what is refused).
  const first = new Map<string, ReturnType<typeof importModule>>();
  const refused: { path: string; code: string; reason: string }[] = [];
  for (const f of files) {
    try {
      first.set(f.path, importModule(f.text, f.path, options));
    } catch (e) {
      const err = e as Error & { code?: string };
      refused.push({ path: f.path, code: err.code ?? "E_IMPORT", reason: err.message });
    }
  }
  // Second pass: with the templates the other modules export.
  const modules: DirectoryImport["modules"][number][] = [];
  for (const f of files) {
    const alone = first.get(f.path);
    if (!alone) continue;
    const shared = new Map<string, SharedTemplate>();
    for (const [key, path] of definedIn) {
      if (path === f.path) continue;
      const exports = first.get(path)?.exported;
      const [name, cluster] = key.split("/");
      const exportName = exports?.get(`${cluster ? "ClusterWorkflowTemplate" : "WorkflowTemplate"}/${name}`);
      if (!exportName) continue;
      let rel = posix.relative(posix.dirname(f.path), modulePath(path).replace(/\.ts$/, ".js"));
      if (!rel.startsWith(".")) rel = `./${rel}`;
      shared.set(key, { module: rel, exportName });
    }
    const r = shared.size ? importModule(f.text, f.path, { ...options, sharedTemplates: shared }) : alone;
    modules.push({ path: modulePath(f.path), source: f.path, code: r.code, notes: r.notes });
  }
  refused.sort((a, b) => a.path.localeCompare(b.path));
  return { modules, refused };
}
