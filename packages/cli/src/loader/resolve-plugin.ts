/**
 * The esbuild plugin of the module loader: how the user's imports resolve and what each user file
 * is compiled from.
 *
 * - Packages of JavaScript stay external, imported by their resolved absolute path (a `file:` URL;
 *   a plain path for `require`), so they resolve from the importing file as Node would, whatever
 *   directory the bundle is written to. TypeScript shipped as source (a workspace package) is
 *   compiled with the user's code.
 * - `@wfc/*`, `wfc` and `zod` resolve from wfc's own installation when the project has none; the
 *   `node_modules` paths where the project would install them are recorded (the cached bundle is
 *   stale once one appears).
 * - `import.meta.url`/`dirname`/`filename` of each file become a virtual module imported at the
 *   file's end (imports are hoisted; lines stay where they were); `__dirname`/`__filename` a
 *   declaration on its first line.
 * - A package that cannot be found is an error naming it (esbuild adds the import's position).
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { isBuiltin } from "node:module";
import { dirname, extname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { OnResolveArgs, OnResolveResult, Plugin } from "esbuild";
import { sha256 } from "./bundle-cache.js";

/** The namespace of the per-file `import.meta` modules. */
export const META = "wfc-meta";

/** Packages that wfc provides when the user's project does not have them. */
const PROVIDED = /^(@wfc\/[^/]+|wfc|zod)(\/.*)?$/;
/** The directory packages are resolved from when the user's project lacks them. */
export const CLI_DIR = dirname(fileURLToPath(import.meta.url));
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

/**
 * The plugin; it fills `externals` (absolute paths imported at run time), `hashes` (SHA-256 of
 * each file it read) and `absent` (paths that must not appear).
 *
 * @example
 * ```ts
 * await esbuild.build({ ...options, plugins: [resolvePlugin(new Set(), new Map(), new Set())] });
 * ```
 */
export function resolvePlugin(externals: Set<string>, hashes: Map<string, string>, absent: Set<string>): Plugin {
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
