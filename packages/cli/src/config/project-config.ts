import { readFile, rm, writeFile } from "node:fs/promises";
import { basename, dirname, isAbsolute, join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { ConfigError } from "./config-error.js";
import type { WfcConfig } from "./define-config.js";
import { findConfig } from "./find-config.js";

/**
 * A loaded and validated project configuration.
 *
 * @example
 * ```ts
 * const p = await projectConfig(); if (p) console.log(p.file, p.config.namespace);
 * ```
 */
export interface ProjectConfig {
  /** The validated settings. */
  readonly config: WfcConfig;
  /** The file they come from (absolute). */
  readonly file: string;
  /** The directory relative paths in the settings are relative to (the file's directory). */
  readonly dir: string;
}

/** `file` for messages: relative to the current directory when below it. */
export function shownPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : file;
}

/**
 * Imports a `wfc.config.ts`/`.mts`: esbuild strips the types, and the result is imported from a
 * temporary `.mjs` file beside it (removed at once), so that its imports (`wfc`, `./team.js`)
 * resolve from the project as they would from the file itself. Imports of other `.ts` files are
 * not transformed.
 */
async function importTypeScript(file: string): Promise<Record<string, unknown>> {
  const { transform } = await import("esbuild");
  const { code } = await transform(await readFile(file, "utf8"), {
    loader: "ts",
    format: "esm",
    target: "node20",
    sourcefile: file,
  });
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}-${Date.now()}.mjs`);
  await writeFile(tmp, code);
  try {
    return (await import(pathToFileURL(tmp).href)) as Record<string, unknown>;
  } finally {
    await rm(tmp, { force: true });
  }
}

/** Reads the value a configuration file holds (its default export, its JSON, its `wfc` key). */
async function readValue(file: string, inPackageJson: boolean): Promise<unknown> {
  const label = shownPath(file);
  if (file.endsWith(".json")) {
    let json: unknown;
    try {
      json = JSON.parse(await readFile(file, "utf8"));
    } catch (e) {
      throw new ConfigError(`${label}: not valid JSON: ${(e as Error).message}`, { cause: e });
    }
    return inPackageJson ? (json as { wfc: unknown }).wfc : json;
  }
  let ns: Record<string, unknown>;
  try {
    ns = /\.m?ts$/.test(file) ? await importTypeScript(file) : await import(pathToFileURL(file).href);
  } catch (e) {
    throw new ConfigError(`${label}: cannot be loaded: ${(e as Error).message}`, { cause: e });
  }
  if (!("default" in ns))
    throw new ConfigError(`${label}: has no default export (write: export default defineConfig({ ... }))`);
  return ns.default;
}

let cached: Promise<ProjectConfig | undefined> | undefined;

/**
 * The configuration that applies in the current directory (found by {@link findConfig}), loaded
 * and validated once per process; `undefined` when there is none.
 *
 * @example
 * ```ts
 * const ns = (await projectConfig())?.config.namespace;
 * ```
 */
export function projectConfig(): Promise<ProjectConfig | undefined> {
  cached ??= (async () => {
    const found = findConfig(process.cwd());
    if (!found) return undefined;
    const value = await readValue(found.file, found.inPackageJson);
    // the schema (zod, through the SDK) only when there is a configuration to check
    const { parseConfig } = await import("./schema.js");
    const config = parseConfig(value, shownPath(found.file), found.inPackageJson ? "wfc" : "");
    return { config, file: found.file, dir: dirname(found.file) };
  })();
  return cached;
}
