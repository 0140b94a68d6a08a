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
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { isBuiltin } from "node:module";
import { dirname, extname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { BuildFailure, Message, Metafile, OnResolveArgs, OnResolveResult, Plugin } from "esbuild";
import { type BundleFile, sha256 } from "./bundle-cache.js";
import { InputError } from "./input-error.js";

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

/** Packages that wfc provides when the user's project does not have them. */
const PROVIDED = /^(@wfc\/[^/]+|wfc|zod)(\/.*)?$/;
/** The directory packages are resolved from when the user's project lacks them. */
const CLI_DIR = dirname(fileURLToPath(import.meta.url));
/** An output directory name esbuild lays the files out in; they are written elsewhere. */
const OUT = "/wfc-bundle-out";
const TS_SOURCE = /\.(c|m)?tsx?$/;
const LOADERS: Record<string, "ts" | "tsx" | "js" | "jsx"> = {
  ".ts": "ts",
  ".mts": "ts",
  ".cts": "ts",
  ".tsx": "tsx",
  ".js": "js",
  ".mjs": "js",
  ".cjs": "js",
  ".jsx": "jsx",
};
const META = "wfc-meta";

/** The options that shape the output; part of the cache key. */
export function bundleOptionsKey(): string {
  return JSON.stringify({ target: targetOf(), format: "esm", keepNames: true, sourcemap: "linked", cli: CLI_DIR });
}

function targetOf(): string {
  return `node${process.versions.node.split(".")[0]}`;
}

function packageName(spec: string): string {
  const parts = spec.split("/");
  return spec.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] ?? spec);
}

/** Whether a `node_modules/<name>` exists on the way up from `dir`. */
function packageInstalled(name: string, dir: string): boolean {
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, "node_modules", name))) return true;
    if (dirname(d) === d) return false;
  }
}

/** The `node_modules/<name>` paths Node would look at from `dir` upward. */
function probes(name: string, dir: string): string[] {
  const out: string[] = [];
  for (let d = dir; ; d = dirname(d)) {
    out.push(join(d, "node_modules", name));
    if (dirname(d) === d) return out;
  }
}

function resolvePlugin(externals: Set<string>, hashes: Map<string, string>, absent: Set<string>): Plugin {
  return {
    name: "wfc-resolve",
    setup(build) {
      // import.meta.* of each user file: a virtual module per file, imported at the file's end
      // (imports are hoisted, lines stay where they were), bound through `define`.
      build.onResolve({ filter: /^wfc-meta:/ }, (a) => ({ path: a.path.slice(META.length + 1), namespace: META }));
      build.onLoad({ filter: /.*/, namespace: META }, (a) => ({
        contents: `export const url = ${JSON.stringify(pathToFileURL(a.path).href)}, filename = ${JSON.stringify(a.path)}, dirname = ${JSON.stringify(dirname(a.path))};`,
        loader: "js",
      }));
      build.onLoad({ filter: /\.[cm]?[jt]sx?$/ }, async (a) => {
        const loader = LOADERS[extname(a.path)];
        if (!loader) return undefined;
        const bytes = await readFile(a.path);
        hashes.set(a.path, sha256(bytes));
        let contents = bytes.toString("utf8");
        // CommonJS-style __dirname/__filename (tsx gave them to .ts files of commonjs packages):
        // declared on the first line, which keeps every line where it was
        if (/\b__(dirname|filename)\b/.test(contents))
          contents = `var __wfc_dirname = ${JSON.stringify(dirname(a.path))}, __wfc_filename = ${JSON.stringify(a.path)};${contents}`;
        if (contents.includes("import.meta"))
          contents += `\n;import { url as __wfc_meta_url, filename as __wfc_meta_filename, dirname as __wfc_meta_dirname } from ${JSON.stringify(`${META}:${a.path}`)};\n`;
        return { contents, loader, resolveDir: dirname(a.path) };
      });
      build.onResolve({ filter: /^[^./]/ }, async (a: OnResolveArgs): Promise<OnResolveResult | undefined> => {
        if (a.namespace !== "file" || a.pluginData === "wfc-inner" || a.kind === "entry-point") return undefined;
        if (isBuiltin(a.path)) return { path: a.path, external: true };
        const opts = { kind: a.kind, importer: a.importer, resolveDir: a.resolveDir, pluginData: "wfc-inner" };
        let r = await build.resolve(a.path, opts);
        if (r.errors.length && PROVIDED.test(a.path)) {
          r = await build.resolve(a.path, { ...opts, resolveDir: CLI_DIR });
          // the bundle is valid while the project still has no such package of its own
          if (!r.errors.length) for (const p of probes(packageName(a.path), a.resolveDir)) absent.add(p);
        }
        if (r.errors.length) {
          const name = packageName(a.path);
          const text = packageInstalled(name, a.resolveDir)
            ? `cannot resolve '${a.path}' in package '${name}': ${r.errors[0]?.text ?? "not found"}`
            : `cannot find package '${name}'`;
          return { errors: [{ text }] };
        }
        // TypeScript shipped as source (a workspace package): compiled with the user's code
        if (TS_SOURCE.test(r.path) && !r.path.endsWith(".d.ts")) return { path: r.path };
        externals.add(r.path);
        const byRequire = a.kind === "require-call" || a.kind === "require-resolve";
        return { path: byRequire ? r.path : pathToFileURL(r.path).href, external: true };
      });
    },
  };
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
  const esbuild = await import("esbuild");
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
