/**
 * Turns pipeline modules into files Node imports natively: the cached bundle when it is still
 * valid (esbuild is not even loaded then), else a new bundle, stored in the cache (see
 * cache-dir.ts and bundle-cache.ts).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { bundleEntries, bundleOptionsKey } from "./bundle.js";
import { type BundleIndex, sha256, storeBundle, validCachedBundle } from "./bundle-cache.js";
import { cacheDirFor } from "./cache-dir.js";

/** Where one entry's module is and how to read its exports. */
export interface PreparedModule {
  /** The `file:` URL to import. */
  readonly url: string;
  /** A CommonJS entry: its `module.exports` is the default export of the output. */
  readonly cjs: boolean;
  /** The directory the bundle is in (stack frames there are wfc's, not the user's). */
  readonly bundleDir: string;
}

/** The nearest tsconfig.json (or jsconfig.json) above each file: esbuild's output depends on it. */
function configFiles(inputs: readonly string[]): string[] {
  const found = new Set<string>();
  const seen = new Set<string>();
  for (const file of inputs) {
    if (file.includes("/node_modules/")) continue;
    for (let d = dirname(file); !seen.has(d); d = dirname(d)) {
      seen.add(d);
      const hit = ["tsconfig.json", "jsconfig.json"].map((n) => join(d, n)).find((p) => readable(p));
      if (hit) {
        found.add(hit);
        break;
      }
      if (dirname(d) === d) break;
    }
  }
  return [...found];
}

function readable(path: string): boolean {
  try {
    readFileSync(path);
    return true;
  } catch {
    return false;
  }
}

function prepared(dir: string, index: Pick<BundleIndex, "entries" | "outputs" | "cjs">): Map<string, PreparedModule> {
  return new Map(
    index.entries.map((e, i) => [
      e,
      { url: pathToFileURL(join(dir, index.outputs[i]!)).href, cjs: index.cjs[i] === true, bundleDir: dir },
    ]),
  );
}

/**
 * Prepares `entries` (absolute paths of existing files) for import, keyed by entry.
 * `label` gives a path as the user named it (for error messages).
 *
 * @example
 * ```ts
 * const modules = await prepareModules(["/repo/pipelines/etl.ts"], (p) => p);
 * await import(modules.get("/repo/pipelines/etl.ts")!.url);
 * ```
 */
export async function prepareModules(
  entries: readonly string[],
  label: (abs: string) => string,
): Promise<Map<string, PreparedModule>> {
  const cacheDir = cacheDirFor(dirname(entries[0]!));
  const key = bundleOptionsKey();
  if (cacheDir) {
    const hit = validCachedBundle(cacheDir, entries, key);
    if (hit) return prepared(join(cacheDir, hit.dir), hit);
  }
  const built = await bundleEntries(entries, label);
  const configs = configFiles(built.inputs.map(([p]) => p)).map((p) => [p, sha256(readFileSync(p))] as const);
  const index = {
    entries,
    outputs: built.outputs,
    cjs: built.cjs,
    inputs: [...built.inputs, ...configs],
    externals: built.externals,
    absent: built.absent,
  };
  if (cacheDir) {
    try {
      return prepared(await storeBundle(cacheDir, built.files, index, key), index);
    } catch {
      // an unwritable cache: the bundle goes to a temporary directory instead
    }
  }
  const dir = mkdtempSync(join(tmpdir(), "wfc-bundle-"));
  process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
  for (const f of built.files) writeFileSync(join(dir, f.name), f.contents);
  return prepared(dir, index);
}
