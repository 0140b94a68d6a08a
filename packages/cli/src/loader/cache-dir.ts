/**
 * Where compiled pipeline modules are cached: `WFC_CACHE_DIR` when set; else
 * `node_modules/.cache/wfc` of the nearest directory (from the first module upward) that has a
 * writable `node_modules`; else a directory of the current user's own under the OS temp dir
 * (`wfc-cache-<uid>`, mode 0700, refused when another user owns it or others can write to it).
 * Bundles unused for 30 days are removed when a new one is stored; deleting the directory at any
 * time is safe: it is rebuilt on the next run.
 */
import { accessSync, constants, lstatSync, mkdirSync, statSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import { dirname, join } from "node:path";

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function usable(dir: string): boolean {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** The per-user directory under the OS temp dir, or undefined when it is not safely ours. */
function tempCacheDir(): string | undefined {
  const uid = typeof process.getuid === "function" ? process.getuid() : undefined;
  const dir = join(tmpdir(), `wfc-cache-${uid ?? userInfo().username}`);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = lstatSync(dir);
    if (!st.isDirectory()) return undefined;
    // another user's directory (or one others can write to) could hold planted bundles
    if (uid !== undefined && (st.uid !== uid || (st.mode & 0o022) !== 0)) return undefined;
    return dir;
  } catch {
    return undefined;
  }
}

/**
 * The cache directory for modules starting at `fromDir`, created if needed; undefined when no
 * usable place exists (the loader then builds into a fresh temporary directory).
 *
 * @example
 * ```ts
 * cacheDirFor("/repo/pipelines") // "/repo/node_modules/.cache/wfc"
 * ```
 */
export function cacheDirFor(fromDir: string): string | undefined {
  const fromEnv = process.env.WFC_CACHE_DIR;
  if (fromEnv) return usable(fromEnv) ? fromEnv : undefined;
  for (let d = fromDir; ; d = dirname(d)) {
    if (isDir(join(d, "node_modules"))) {
      const dir = join(d, "node_modules", ".cache", "wfc");
      if (usable(dir)) return dir;
      break;
    }
    if (dirname(d) === d) break;
  }
  return tempCacheDir();
}
