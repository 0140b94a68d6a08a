/**
 * Bundles the user's pipeline modules with esbuild (TypeScript or JavaScript, ESM or CommonJS,
 * wherever they are) into ESM files that Node imports natively: no loader hooks, no worker thread.
 *
 * - The user's own files (and TypeScript files of packages) go into the bundle, one output per
 *   entry plus shared chunks, so a module imported by two pipelines is still evaluated once.
 * - Packages of JavaScript stay external, imported by their resolved absolute path: they resolve
 *   from the importing file, as Node would, whatever directory the bundle lives in. `@wfc/*`,
 *   `wfc` and `zod` resolve from wfc's own installation when the user's project has none (a
 *   pipeline outside any package works).
 * - `import.meta.url`, `import.meta.dirname` and `import.meta.filename` (and `__dirname`,
 *   `__filename`) keep naming the user's file; source maps map every position back to it.
 * - A package or file that cannot be found is reported with the import's `file:line:col`.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { BuildFailure, Message, Metafile } from "esbuild";
import { type BundleFile, sha256 } from "./bundle-cache.js";
import { InputError } from "./input-error.js";
import { CLI_DIR, META, resolvePlugin } from "./resolve-plugin.js";

/** The result of bundling a set of entries. */
export interface BuiltBundle {
  readonly files: readonly BundleFile[];
  readonly outputs: readonly string[];
  readonly cjs: readonly boolean[];
  /** `[absolute path, sha256]` of every file the bundle read (the bytes esbuild compiled, where the plugin read them). */
  readonly inputs: ReadonlyArray<readonly [string, string]>;
  readonly externals: readonly string[];
  /** Paths that must not exist for the bundle to stay valid (packages provided by wfc: see PROVIDED). */
  readonly absent: readonly string[];
}

/** An output directory name esbuild lays the files out in; they are written elsewhere. */
const OUT = "/wfc-bundle-out";

/** The options that shape the output; part of the cache key. */
export function bundleOptionsKey(): string {
  return JSON.stringify({ target: targetOf(), format: "esm", keepNames: true, sourcemap: "linked", cli: CLI_DIR });
}

function targetOf(): string {
  return `node${process.versions.node.split(".")[0]}`;
}

/** The first esbuild error as an {@link InputError}: `file:line:col: what`, the file as the user named it. */
function bundleError(failure: BuildFailure, label: (abs: string) => string): InputError {
  const m: Message | undefined = failure.errors?.[0];
  if (!m) return new InputError(`failed to bundle: ${failure.message}`, { cause: failure });
  const loc = m.location;
  const file = loc ? label(resolve("/", loc.file)) : undefined;
  const at = loc && file ? `${file}:${loc.line}:${loc.column + 1}` : undefined;
  const unresolved = /^Could not resolve "(.+)"$/.exec(m.text);
  if (unresolved && at) {
    const spec = unresolved[1]!;
    return new InputError(
      `cannot find ${/^[./]/.test(spec) ? "module" : "package"} '${spec}' imported from ${at}`,
      { cause: failure },
      "E_MODULE_NOT_FOUND",
    );
  }
  if (/^cannot (find|resolve) /.test(m.text) && at)
    return new InputError(`${m.text} imported from ${at}`, { cause: failure }, "E_MODULE_NOT_FOUND");
  if (at) return new InputError(`${at}: syntax error: ${m.text}`, { cause: failure }, "E_SYNTAX");
  return new InputError(m.text, { cause: failure });
}

/**
 * esbuild's ESM output calls `require(...)` through its `__require` shim, which would appear in the
 * source of a `nodeScript` function (sent to the pod as text) as a name from outside the function.
 * The banner's `require` (Node's, made for the bundle) is what the shim calls anyway: the calls
 * use it directly, padded to the same length so that source map columns stay right.
 */
function plainRequire(code: string): string {
  return code.replace(/(?<![\w$.])__require(?=\s*[(.])/g, "  require");
}

/** Source maps name the user's files by absolute `file:` URLs, wherever the bundle is written. */
function absoluteSources(map: string): string {
  const data = JSON.parse(map) as { sources?: string[]; sourceRoot?: string };
  data.sources = (data.sources ?? []).map((s) => (s.startsWith(`${META}:`) ? s : pathToFileURL(resolve(OUT, s)).href));
  delete data.sourceRoot;
  return JSON.stringify(data);
}

/**
 * Bundles `entries` (absolute paths); `label` turns an absolute path into the name the user gave.
 * The esbuild service is stopped before this returns: no process is left behind.
 *
 * @example
 * ```ts
 * const built = await bundleEntries(["/repo/pipelines/etl.ts"], (p) => p);
 * ```
 */
export async function bundleEntries(entries: readonly string[], label: (abs: string) => string): Promise<BuiltBundle> {
  // required, not imported: import() of a CommonJS package first scans its source for the names
  // it exports (cjs-module-lexer), about 40 ms for esbuild's main.js, on every cold build
  const esbuild = createRequire(import.meta.url)("esbuild") as typeof import("esbuild");
  const externals = new Set<string>();
  const hashes = new Map<string, string>();
  const absent = new Set<string>();
  let result: { metafile: Metafile; outputFiles: { path: string; contents: Uint8Array; text: string }[] };
  try {
    result = await esbuild.build({
      entryPoints: entries.map((p, i) => ({ in: p, out: `e${i}` })),
      absWorkingDir: "/",
      bundle: true,
      splitting: true,
      format: "esm",
      platform: "node",
      target: targetOf(),
      outdir: OUT,
      outExtension: { ".js": ".mjs" },
      chunkNames: "chunk-[hash]",
      write: false,
      metafile: true,
      sourcemap: "linked",
      sourcesContent: false,
      keepNames: true,
      conditions: [],
      mainFields: ["main"],
      logLevel: "silent",
      define: {
        "import.meta.url": "__wfc_meta_url",
        "import.meta.filename": "__wfc_meta_filename",
        "import.meta.dirname": "__wfc_meta_dirname",
        __dirname: "__wfc_dirname",
        __filename: "__wfc_filename",
      },
      // CommonJS code in the bundle calls require(): Node's, for the externals' absolute paths
      banner: {
        js: 'import { createRequire as __wfcCreateRequire } from "node:module"; const require = __wfcCreateRequire(import.meta.url);',
      },
      plugins: [resolvePlugin(externals, hashes, absent)],
    });
  } catch (e) {
    if ((e as BuildFailure).errors) throw bundleError(e as BuildFailure, label);
    throw e;
  } finally {
    await esbuild.stop();
  }
  const files: BundleFile[] = result.outputFiles.map((f) => {
    const name = relative(OUT, f.path);
    return { name, contents: name.endsWith(".map") ? absoluteSources(f.text) : plainRequire(f.text) };
  });
  const outputs = entries.map((_, i) => `e${i}.mjs`);
  const inputs: [string, string][] = [];
  for (const k of Object.keys(result.metafile.inputs)) {
    if (k.startsWith(`${META}:`)) continue;
    const path = resolve("/", k);
    inputs.push([path, hashes.get(path) ?? sha256(await readFile(path))]);
  }
  const formats = result.metafile.inputs;
  const cjs = entries.map((p) => formats[relative("/", p)]?.format === "cjs");
  return { files, outputs, cjs, inputs, externals: [...externals].sort(), absent: [...absent].sort() };
}
