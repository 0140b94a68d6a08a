/**
 * Runs a CommonJS file with V8's code cache (Node 20 has no `module.enableCompileCache`): the
 * bytecode V8 compiled on an earlier run is read back instead of parsing and compiling the source
 * again. The cache file is content-addressed: its name is the SHA-256 of the source, of Node's
 * version and architecture and of the flags V8 runs with (`execArgv`, `NODE_OPTIONS`), and it
 * holds the SHA-256 of its payload, checked before V8 sees it. A cache that is missing, corrupt,
 * truncated or that V8 rejects is ignored (the source is compiled as usual) and written anew; a
 * cache directory that cannot be written only means no cache. Cache files (`v8-*.bin`) older
 * than 30 days are removed when a new one is written.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import { Script } from "node:vm";
import { CACHE_MAX_AGE_MS, pruneOld, readChecked, writeChecked } from "./checked-file.js";

const MAGIC = "wfc-v8-code-cache-1\n";
/** This module's cache files (older ones are removed when one is written). */
const CACHE_FILES = /^v8-[0-9a-f]+\.bin$/;

/** A CommonJS file run by {@link runWithCodeCache}. */
export interface CachedScript {
  /** What the file put in `module.exports`. */
  readonly exports: unknown;
  /** `"used"`: V8 took the cache; `"none"`: there was none; `"rejected"`: it was unusable. */
  readonly cache: "used" | "none" | "rejected";
  /** The cache file of this source (undefined without a cache directory). */
  readonly cacheFile: string | undefined;
  /**
   * Writes the cache when it was not used, with every function compiled so far (call it once the
   * work is done, so that the cache holds what a run needs). Never throws; returns whether a
   * cache file was written.
   */
  save(): boolean;
}

function sha256(...parts: (string | Uint8Array)[]): Buffer {
  const h = createHash("sha256");
  for (const p of parts) h.update(p);
  return h.digest();
}

/**
 * Compiles and runs the CommonJS file `file` as Node would (`exports`, `require`, `module`,
 * `__filename`, `__dirname`), with the extra top-level bindings `globals` (name to value), using
 * and filling a code cache in `cacheDir` (no cache when it is undefined).
 *
 * @example
 * ```ts
 * const script = runWithCodeCache("/app/dist/bundle.cjs", { __appVersion: "1.0.0" }, cacheDirFor("/app"));
 * await (script.exports as { main(): Promise<void> }).main();
 * script.save();
 * ```
 */
export function runWithCodeCache(
  file: string,
  globals: Readonly<Record<string, unknown>>,
  cacheDir: string | undefined,
): CachedScript {
  const source = readFileSync(file, "utf8");
  const names = Object.keys(globals);
  const wrapped = `(function (exports, require, module, __filename, __dirname${names.map((n) => `, ${n}`).join("")}) {${source}\n})`;
  const key = sha256(
    wrapped,
    "\0",
    process.version,
    process.arch,
    "\0",
    JSON.stringify(process.execArgv),
    "\0",
    process.env.NODE_OPTIONS ?? "",
  ).toString("hex");
  const cacheFile = cacheDir ? join(cacheDir, `v8-${key.slice(0, 32)}.bin`) : undefined;
  const cachedData = cacheFile ? readChecked(cacheFile, MAGIC) : undefined;
  const script = new Script(wrapped, { filename: file, ...(cachedData ? { cachedData } : {}) });
  const cache = !cachedData ? "none" : script.cachedDataRejected ? "rejected" : "used";
  const fn = script.runInThisContext() as (...args: unknown[]) => void;
  const module = { exports: {} as unknown };
  fn.call(
    module.exports,
    module.exports,
    createRequire(file),
    module,
    file,
    dirname(file),
    ...names.map((n) => globals[n]),
  );
  return {
    exports: module.exports,
    cache,
    cacheFile,
    save() {
      if (!cacheFile || cache === "used") return false;
      // a dot temporary name: the loader's own pruning removes what an interrupted run left
      let payload: Buffer;
      try {
        payload = script.createCachedData();
      } catch {
        return false;
      }
      if (!writeChecked(cacheFile, MAGIC, payload)) return false;
      pruneOld(dirname(cacheFile), CACHE_FILES, CACHE_MAX_AGE_MS, basename(cacheFile));
      return true;
    },
  };
}
