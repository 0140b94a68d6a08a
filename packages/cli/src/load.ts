import { readFile } from "node:fs/promises";
import { dirname, extname, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import {
  compile,
  definitionOrder,
  isKubernetesObject,
  isManifestable,
  isWorkflow,
  type KubernetesObject,
  MANIFESTS,
  WfcError,
  type WorkflowObject,
} from "@wfc/sdk";

/**
 * One manifest found in an input file, with the object it came from.
 *
 * @example
 * ```ts
 * for (const { manifest, file } of await loadManifests(["pipeline.ts"])) console.log(file, manifest.kind);
 * ```
 */
export interface LoadedManifest {
  /** The object: a compiled workflow, an object of another wfc object (a Sensor...), or a YAML document. */
  readonly manifest: KubernetesObject;
  /** The input file (absolute path). */
  readonly file: string;
  /** The wfc workflow object, for TypeScript/JavaScript inputs. */
  readonly workflow?: WorkflowObject;
}

/**
 * Thrown when an input file cannot be read or loaded.
 *
 * @example
 * ```ts
 * try { await loadManifests(["missing.ts"]); } catch (e) { if (e instanceof InputError) console.error(e.message); }
 * ```
 */
export class InputError extends WfcError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("E_INPUT", message, options);
    this.name = "InputError";
  }
}

const CODE_EXT = new Set([".ts", ".mts", ".cts", ".tsx", ".js", ".mjs", ".cjs"]);
const DATA_EXT = new Set([".yaml", ".yml", ".json"]);
let tsxRegistered = false;

async function registerTsx(): Promise<void> {
  if (tsxRegistered) return;
  const { register } = await import("tsx/esm/api");
  register();
  tsxRegistered = true;
}

/**
 * Finds the workflow objects (and other wfc manifest objects) a module exports, default first.
 *
 * @example
 * ```ts
 * const objects = exportedObjects(await import("./pipeline.ts"));
 * ```
 */
export function exportedObjects(ns: Record<string, unknown>): unknown[] {
  const out: unknown[] = [];
  const keys = Object.keys(ns).sort((a, b) => (a === "default" ? -1 : b === "default" ? 1 : 0));
  for (const k of keys) {
    const v = ns[k];
    if ((isWorkflow(v) || isManifestable(v)) && !out.includes(v)) out.push(v);
  }
  // Module namespaces list exports alphabetically; workflows go in the order the module defines
  // them (its source order), then other objects in export order.
  const workflows = definitionOrder(out.filter(isWorkflow) as object[]);
  return [...workflows, ...out.filter((v) => !isWorkflow(v))];
}
/**
 * The `file:line:col` of the first stack frame of an error that is inside one of the user's
 * files (tsx maps positions back to the TypeScript source), or undefined.
 */
function userFrame(err: Error, file: string): string | undefined {
  const dir = dirname(file);
  for (const line of String(err.stack ?? "")
    .split("\n")
    .slice(1)) {
    const m = /\(?((?:file:\/\/)?\/[^():]+):(\d+):(\d+)\)?$/.exec(line.trim());
    if (!m) continue;
    const path = m[1]!.startsWith("file://") ? fileURLToPath(m[1]!) : m[1]!;
    if (path.includes("/node_modules/") || !path.startsWith(dir)) continue;
    return `${relative(process.cwd(), path) || path}:${m[2]}:${m[3]}`;
  }
  return undefined;
}

/** Imports a TypeScript or JavaScript module (TypeScript through tsx's `register()`). */
export async function importModule(file: string): Promise<Record<string, unknown>> {
  const ext = extname(file);
  if (ext.endsWith("ts") || ext === ".tsx") await registerTsx();
  return (await import(pathToFileURL(file).href)) as Record<string, unknown>;
}

/**
 * Reads YAML or JSON manifests (a multi-document stream, or a JSON `List`), the way Kubernetes
 * reads them. A document that is not a Kubernetes object (an object with `apiVersion`, `kind` and
 * `metadata`) is an {@link InputError} naming the file and the document.
 */
export async function readManifestFile(file: string): Promise<KubernetesObject[]> {
  const text = await readFile(file, "utf8");
  let docs: unknown[];
  if (extname(file) === ".json") {
    let v: unknown;
    try {
      v = JSON.parse(text);
    } catch (e) {
      throw new InputError(`${file}: not valid JSON: ${(e as Error).message}`);
    }
    const list = isJsonList(v) ? v.items : undefined;
    docs = list ?? [v];
  } else {
    const { parseK8sYaml } = await import("@wfc/sdk");
    docs = parseK8sYaml(text, file);
  }
  return docs.map((d, i) => {
    if (isKubernetesObject(d)) return d;
    throw new InputError(
      `${file}: document ${i + 1} is not a Kubernetes object (it needs apiVersion, kind and metadata)`,
    );
  });
}

function isJsonList(v: unknown): v is { kind: "List"; items: unknown[] } {
  return (
    typeof v === "object" &&
    v !== null &&
    (v as { kind?: unknown }).kind === "List" &&
    Array.isArray((v as { items?: unknown }).items)
  );
}

/**
 * Loads input files: compiles the workflows that `.ts`/`.js` modules export (default and named
 * exports) and parses `.yaml`/`.json` files. Every compile problem of every file is collected
 * before throwing.
 *
 * @example
 * ```ts
 * const loaded = await loadManifests(["pipeline.ts"]);
 * ```
 */
export async function loadManifests(files: readonly string[]): Promise<LoadedManifest[]> {
  const out: LoadedManifest[] = [];
  for (const f of files) {
    const file = resolve(f);
    const ext = extname(file);
    if (CODE_EXT.has(ext)) {
      let ns: Record<string, unknown>;
      try {
        ns = await importModule(file);
      } catch (e) {
        if (e instanceof WfcError) throw e;
        const err = e as NodeJS.ErrnoException;
        if (err.code === "ERR_MODULE_NOT_FOUND" && String(err.message).includes(file))
          throw new InputError(`${f}: no such file`);
        throw new InputError(`${userFrame(err, file) ?? f}: failed to load: ${err.message}`, { cause: e });
      }
      const objects = exportedObjects(ns);
      if (!objects.length)
        throw new InputError(
          `${f}: exports no workflow (export a workflow(), workflowTemplate(), clusterWorkflowTemplate() or cronWorkflow() object)`,
        );
      // A Sensor also emits the WorkflowTemplates it runs: a manifest the module yields twice is kept once.
      const seen = new Set<string>();
      const fresh = (m: KubernetesObject) => !seen.has(JSON.stringify(m)) && !!seen.add(JSON.stringify(m));
      for (const o of objects) {
        if (isWorkflow(o)) {
          const m = compile(o);
          if (fresh(m)) out.push({ manifest: m, file, workflow: o });
        } else if (isManifestable(o)) for (const m of o[MANIFESTS]()) if (fresh(m)) out.push({ manifest: m, file });
      }
    } else if (DATA_EXT.has(ext)) {
      let docs: KubernetesObject[];
      try {
        docs = await readManifestFile(file);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "ENOENT") throw new InputError(`${f}: no such file`);
        if (e instanceof WfcError) throw e;
        throw new InputError(`${f}: ${(e as Error).message}`, { cause: e });
      }
      for (const m of docs) out.push({ manifest: m, file });
    } else {
      throw new InputError(
        `${f}: unsupported file type "${ext || "(none)"}": give .ts, .js, .mjs, .yaml, .yml or .json`,
      );
    }
  }
  return out;
}
