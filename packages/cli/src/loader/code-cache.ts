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
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import { Script } from "node:vm";

const MAGIC = "wfc-v8-code-cache-1\n";
const DIGEST = 32;
/** Cache files older than this are removed when one is written. */
const MAX_AGE_MS = 30 * 24 * 3600 * 1000;

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

/** Removes this module's cache files older than {@link MAX_AGE_MS} from `dir`. */
function prune(dir: string, keep: string): void {
  const now = Date.now();
  for (const name of readdirSync(dir)) {
    if (!/^v8-[0-9a-f]+\.bin$/.test(name) || name === keep) continue;
    try {
      if (now - statSync(join(dir, name)).mtimeMs > MAX_AGE_MS) rmSync(join(dir, name), { force: true });
    } catch {
      // removed meanwhile
    }
  }
}

/** The cached payload in `file` when its checksum holds, else undefined. */
function readCache(file: string): Buffer | undefined {
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch {
    return undefined;
  }
  const head = MAGIC.length;
  if (data.length <= head + DIGEST || data.toString("latin1", 0, head) !== MAGIC) return undefined;
  const payload = data.subarray(head + DIGEST);
  return sha256(payload).equals(data.subarray(head, head + DIGEST)) ? payload : undefined;
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
  const cachedData = cacheFile ? readCache(cacheFile) : undefined;
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
      // a dot name: the loader's own pruning removes what an interrupted run left
      const tmp = join(dirname(cacheFile), `.${basename(cacheFile)}.${process.pid}.tmp`);
      try {
        const payload = script.createCachedData();
        mkdirSync(dirname(cacheFile), { recursive: true });
        writeFileSync(tmp, Buffer.concat([Buffer.from(MAGIC, "latin1"), sha256(payload), payload]));
        renameSync(tmp, cacheFile);
        prune(dirname(cacheFile), basename(cacheFile));
        return true;
      } catch {
        try {
          rmSync(tmp, { force: true });
        } catch {
          // nothing more to do: there is no cache
        }
        return false;
      }
    },
  };
}
