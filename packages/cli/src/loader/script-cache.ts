/**
 * `nodeScript`'s cache of checked scripts on disk (see the SDK's authoring/script-cache.ts): one
 * file per script in `<cache dir>/scripts/`, named by the script's key (a SHA-256 of its text
 * and of the SDK's and esbuild's versions). Each file holds the SHA-256 of its payload, checked
 * on every read, and is written to a temporary name first, then renamed: a torn, truncated or
 * altered file is a miss, never a wrong script. Files older than 30 days are removed when a new
 * one is written; deleting the directory is always safe.
 */
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ScriptCache } from "@wfc/sdk/internal";

const MAGIC = "wfc-script-1\n";
const DIGEST_HEX = 64;
const MAX_AGE_MS = 30 * 24 * 3600 * 1000;
const KEY = /^[0-9a-f]{64}$/;

const sha256 = (s: string): string => createHash("sha256").update(s).digest("hex");

function prune(dir: string): void {
  const now = Date.now();
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    try {
      if (now - statSync(join(dir, name)).mtimeMs > MAX_AGE_MS) rmSync(join(dir, name), { force: true });
    } catch {
      // removed meanwhile
    }
  }
}

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
      let data: string;
      try {
        data = readFileSync(join(dir, `${key}.js`), "utf8");
      } catch {
        return undefined;
      }
      const head = MAGIC.length + DIGEST_HEX + 1;
      if (!data.startsWith(MAGIC) || data.length < head) return undefined;
      const script = data.slice(head);
      return sha256(script) === data.slice(MAGIC.length, MAGIC.length + DIGEST_HEX) ? script : undefined;
    },
    set(key, script) {
      if (!KEY.test(key)) return;
      const tmp = join(dir, `.tmp-${process.pid}-${randomBytes(4).toString("hex")}`);
      try {
        mkdirSync(dir, { recursive: true });
        writeFileSync(tmp, `${MAGIC}${sha256(script)}\n${script}`);
        renameSync(tmp, join(dir, `${key}.js`));
      } catch {
        try {
          rmSync(tmp, { force: true });
        } catch {
          // nothing was written
        }
        return;
      }
      if (!pruned) {
        pruned = true;
        prune(dir);
      }
    },
  };
}
