/**
 * Single cache files that carry a checksum of what they hold (the V8 code cache, `nodeScript`'s
 * checked scripts): a magic line, the SHA-256 of the payload, the payload. A file is written under
 * a temporary dot name and renamed into place, and read back only when its checksum holds, so a
 * torn, truncated or altered file is a miss, never wrong data. Old files are pruned by age.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";

const DIGEST = 32;

/** How long an unused cache file is kept. */
export const CACHE_MAX_AGE_MS = 30 * 24 * 3600 * 1000;

const sha256 = (payload: Uint8Array): Buffer => createHash("sha256").update(payload).digest();

/**
 * The payload of `file` when it starts with `magic` and its checksum holds, else undefined
 * (a missing or unreadable file too).
 *
 * @example
 * ```ts
 * const payload = readChecked("/cache/v8-0a1b.bin", "wfc-v8-code-cache-1\n");
 * ```
 */
export function readChecked(file: string, magic: string): Buffer | undefined {
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch {
    return undefined;
  }
  const head = magic.length;
  if (data.length < head + DIGEST || data.toString("latin1", 0, head) !== magic) return undefined;
  const payload = data.subarray(head + DIGEST);
  return sha256(payload).equals(data.subarray(head, head + DIGEST)) ? payload : undefined;
}

/**
 * Writes `payload` to `file` (its directory created) after `magic` and its checksum, through a
 * temporary dot file renamed into place. Never throws: returns whether the file was written.
 *
 * @example
 * ```ts
 * writeChecked("/cache/scripts/3f9a.js", "wfc-script-1\n", Buffer.from("const run = ...;"));
 * ```
 */
export function writeChecked(file: string, magic: string, payload: Uint8Array): boolean {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(tmp, Buffer.concat([Buffer.from(magic, "latin1"), sha256(payload), payload]));
    renameSync(tmp, file);
    return true;
  } catch {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // nothing was written
    }
    return false;
  }
}

/**
 * Removes the files of `dir` whose names match `names` (but `keep`) last modified more than
 * `maxAgeMs` ago. Never throws.
 *
 * @example
 * ```ts
 * pruneOld("/cache", /^v8-[0-9a-f]+\.bin$/, CACHE_MAX_AGE_MS, "v8-0a1b.bin");
 * ```
 */
export function pruneOld(dir: string, names: RegExp, maxAgeMs: number, keep?: string): void {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  const now = Date.now();
  for (const name of entries) {
    if (!names.test(name) || name === keep) continue;
    try {
      if (now - statSync(join(dir, name)).mtimeMs > maxAgeMs) rmSync(join(dir, name), { force: true });
    } catch {
      // removed meanwhile
    }
  }
}
