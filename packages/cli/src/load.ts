import { existsSync } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import { basename, dirname, extname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import {
  compile,
  definitionOrder,
  isKubernetesObject,
  isManifestable,
  isWorkflow,
  type KubernetesObject,
  MANIFESTS,
  stringifyJson,
  WfcError,
  type WorkflowObject,
} from "@wfc/sdk";
import { setScriptCache } from "@wfc/sdk/internal";
import { cacheDirFor } from "./loader/cache-dir.js";
import { importEntry } from "./loader/import-entry.js";
import { InputError } from "./loader/input-error.js";
import { type PreparedModule, prepareModules } from "./loader/modules.js";
import { fileScriptCache } from "./loader/script-cache.js";

export { InputError };

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
  /** The input file as the user gave it (for messages). @default file */
  readonly given?: string;
  /** For YAML/JSON inputs: the manifest's document index in the file. */
  readonly index?: number;
  /** The wfc workflow object, for TypeScript/JavaScript inputs. */
  readonly workflow?: WorkflowObject;
}

const CODE_EXT = new Set([".ts", ".mts", ".cts", ".tsx", ".js", ".mjs", ".cjs"]);
const DATA_EXT = new Set([".yaml", ".yml", ".json"]);

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
/** wfc's own packages (`packages/` in the repository, or `node_modules/@wfc/`): not user code. */
const WFC_PACKAGES = dirname(dirname(dirname(fileURLToPath(import.meta.url))));

/**
 * Runs `fn` with `process.stdout` writing to stderr: what a pipeline module prints while it loads
 * or while its workflow bodies run (`console.log`) must not mix with the YAML on stdout.
 */
function withStdoutToStderr<T>(fn: () => T): T {
  const write = process.stdout.write;
  process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;
  const restore = () => {
    process.stdout.write = write;
  };
  try {
    const r = fn();
    if (r instanceof Promise) return r.finally(restore) as T;
    restore();
    return r;
  } catch (e) {
    restore();
    throw e;
  }
}

/** Test files are never pipeline inputs: `x.test.ts`, `x.spec.mjs`, `x.test-d.ts`. */
const TEST_FILE = /\.(test|spec)(-d)?\.[cm]?[jt]sx?$/;
/** Files a directory input contributes. */
const DIR_INPUT = /\.(ts|mts|js|mjs|yaml|yml|json)$/;

/**
 * Expands the inputs: a directory gives its `.ts`/`.mts`/`.js`/`.mjs`/`.yaml`/`.yml`/`.json`
 * files (sorted, not recursive) except the project's own files (`wfc.config.*`, `package.json`,
 * `package-lock.json`, `tsconfig*.json`, `jsconfig.json`, `biome.json`); test files (`*.test.*`,
 * `*.spec.*`) are skipped, also when named explicitly (a shell glob), and each skip is reported
 * through `onSkip`.
 *
 * @example
 * ```ts
 * await expandInputs(["pipelines/"], (f) => console.error(`skipped ${f}`)); // ["pipelines/a.ts", ...]
 * ```
 */
/** Files of a project that a directory input never treats as pipelines or manifests. */
const PROJECT_FILE =
  /^(wfc\.config\.[cm]?[jt]s|wfc\.config\.json|package(-lock)?\.json|[tj]sconfig(\..*)?\.json|biome\.jsonc?)$/;

export async function expandInputs(inputs: readonly string[], onSkip: (file: string) => void): Promise<string[]> {
  const out: string[] = [];
  for (const given of inputs) {
    const st = await stat(given).catch(() => undefined);
    if (st?.isDirectory()) {
      const names = (await readdir(given))
        .filter((n) => DIR_INPUT.test(n) && !n.endsWith(".d.ts") && !PROJECT_FILE.test(n))
        .sort();
      const files = names.map((n) => join(given, n));
      for (const f of files) {
        if (TEST_FILE.test(f)) onSkip(f);
        else out.push(f);
      }
      if (!files.length) throw new InputError(`${given}: directory has no .ts, .js, .yaml or .json files`);
      continue;
    }
    if (TEST_FILE.test(basename(given))) onSkip(given);
    else out.push(given);
  }
  return out;
}

/**
 * Reads YAML or JSON manifests (a multi-document stream, or a JSON `List`), the way Kubernetes
 * reads them. A document that is not a Kubernetes object (an object with `apiVersion`, `kind` and
 * `metadata`) is an {@link InputError} naming the file and the document.
 */
export async function readManifestFile(file: string, label = file): Promise<KubernetesObject[]> {
  const text = await readFile(file, "utf8");
  let docs: unknown[];
  if (extname(file) === ".json") {
    let v: unknown;
    try {
      v = JSON.parse(text);
    } catch (e) {
      throw new InputError(`${label}: not valid JSON: ${(e as Error).message}`);
    }
    const list = isJsonList(v) ? v.items : undefined;
    docs = list ?? [v];
  } else {
    const { parseK8sYaml } = await import("@wfc/sdk");
    docs = parseK8sYaml(text, label);
  }
  return docs.map((d, i) => {
    if (isKubernetesObject(d)) return d;
    throw new InputError(
      `${label}: document ${i + 1} is not a Kubernetes object (it needs apiVersion, kind and metadata)`,
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
export async function loadManifests(
  inputs: readonly string[],
  onSkip: (file: string) => void = (f) => process.stderr.write(`wfc: skipped ${f} (a test file)\n`),
): Promise<LoadedManifest[]> {
  const files = await expandInputs(inputs, onSkip);
  if (!files.length) throw new InputError(`no input files (skipped: ${inputs.join(", ")})`);
  const out: LoadedManifest[] = [];
  const seenObjects = new Set<unknown>();
  // Manifests by kind, namespace and name (or generateName, for unnamed ones): the first one's
  // loaded file, and the JSON of all of them, computed only once a second one arrives (the JSON of
  // a 5000-task manifest is megabytes).
  const byKey = new Map<string, { first: LoadedManifest; jsons?: Set<string> }>();
  // A manifest yielded twice (a Sensor also emits the WorkflowTemplates it runs; a file given twice)
  // is kept once; two different manifests of the same kind and name are an error naming both sources.
  const add = (l: LoadedManifest): void => {
    const meta = (l.manifest.metadata ?? {}) as { name?: string; generateName?: string; namespace?: string };
    const key = `${l.manifest.kind}/${meta.namespace ?? ""}/${meta.name ?? `generateName:${meta.generateName ?? ""}`}`;
    const same = byKey.get(key);
    if (!same) {
      byKey.set(key, { first: l });
      out.push(l);
      return;
    }
    same.jsons ??= new Set([stringifyJson(same.first.manifest)]);
    const json = stringifyJson(l.manifest);
    if (same.jsons.has(json)) return;
    if (meta.name)
      throw new InputError(
        `${l.given}: ${l.manifest.kind}/${meta.name} is also defined in ${same.first.given} (differently): names must be unique`,
        undefined,
        "E_DUPLICATE",
      );
    same.jsons.add(json);
    out.push(l);
  };
  // Every module is bundled at once (a helper two pipelines import is evaluated once), then
  // imported in the order given.
  const code = files.map((f) => [f, resolve(f)] as const).filter(([, file]) => CODE_EXT.has(extname(file)));
  for (const [f, file] of code) if (!existsSync(file)) throw new InputError(`${f}: no such file`);
  const given = new Map(code.map(([f, file]) => [file, f]));
  const modules = code.length
    ? await prepareModules(
        [...new Set(code.map(([, file]) => file))],
        (abs) => given.get(abs) ?? (relative(process.cwd(), abs) || abs),
      )
    : new Map<string, PreparedModule>();
  // nodeScript's checked and printed scripts are kept beside the bundles (loader/script-cache.ts).
  const cacheDir = code.length ? cacheDirFor(dirname(code[0]![1])) : undefined;
  if (cacheDir) setScriptCache(fileScriptCache(cacheDir));
  for (const f of files) {
    const file = resolve(f);
    const ext = extname(file);
    if (CODE_EXT.has(ext)) {
      const ns = await withStdoutToStderr(() => importEntry(modules.get(file)!, file, f, [WFC_PACKAGES]));
      const objects = exportedObjects(ns);
      if (!objects.length)
        throw new InputError(
          `${f}: exports no workflow (export a workflow(), workflowTemplate(), clusterWorkflowTemplate() or cronWorkflow() object)`,
        );
      for (const o of objects) {
        if (isWorkflow(o)) {
          if (seenObjects.has(o)) continue; // the same object re-exported (index.ts): emitted once
          seenObjects.add(o);
          const m = withStdoutToStderr(() => compile(o));
          add({ manifest: m, file, given: f, workflow: o });
        } else if (isManifestable(o)) for (const m of o[MANIFESTS]()) add({ manifest: m, file, given: f });
      }
    } else if (DATA_EXT.has(ext)) {
      let docs: KubernetesObject[];
      try {
        docs = await readManifestFile(file, f);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "ENOENT") throw new InputError(`${f}: no such file`);
        if (e instanceof WfcError || (e as Error).name === "YamlError") throw e;
        throw new InputError(`${f}: ${(e as Error).message}`, { cause: e });
      }
      docs.forEach((m, index) => {
        add({ manifest: m, file, given: f, index });
      });
    } else {
      throw new InputError(
        `${f}: unsupported file type "${ext || "(none)"}": give .ts, .js, .mjs, .yaml, .yml or .json`,
      );
    }
  }
  return out;
}
