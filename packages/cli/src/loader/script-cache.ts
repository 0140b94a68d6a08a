/**
 * `nodeScript`'s cache of checked scripts on disk (see the SDK's authoring/script-cache.ts): one
 * checksummed file per script in `<cache dir>/scripts/` (checked-file.ts), named by the script's
 * key (a SHA-256 of its text and of the SDK's and esbuild's versions). A torn, truncated or
 * altered file is a miss, never a wrong script. Files older than 30 days are removed when a new
 * one is written; deleting the directory is always safe.
 */
import { join } from "node:path";
import type { ScriptCache } from "@wfc/sdk/internal";
import { CACHE_MAX_AGE_MS, pruneOld, readChecked, writeChecked } from "./checked-file.js";

const MAGIC = "wfc-script-1\n";
const KEY = /^[0-9a-f]{64}$/;
/** Entries, and the temporary files an interrupted write left. */
const FILES = /^\.?[0-9a-f]{64}\.js(\.\d+\.tmp)?$/;

/**
 * A {@link ScriptCache} in `<cacheDir>/scripts`. Reading or writing never throws: a cache that
 * cannot be read or written only means the SDK checks and prints the script again.
 *
 * @example
 * ```ts
 * setScriptCache(fileScriptCache("/repo/node_modules/.cache/wfc"));
 * ```
 */
export function fileScriptCache(cacheDir: string): ScriptCache {
  const dir = join(cacheDir, "scripts");
  let pruned = false;
  return {
    get(key) {
      if (!KEY.test(key)) return undefined;
      return readChecked(join(dir, `${key}.js`), MAGIC)?.toString("utf8");
    },
    set(key, script) {
      if (!KEY.test(key) || !writeChecked(join(dir, `${key}.js`), MAGIC, Buffer.from(script, "utf8"))) return;
      if (!pruned) {
        pruned = true;
        pruneOld(dir, FILES, CACHE_MAX_AGE_MS);
      }
    },
  };
}
