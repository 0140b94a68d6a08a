/**
 * The content-addressed cache of bundled pipeline modules. A bundle is a directory
 * `b-<sha256 of its files>` (entry modules, shared chunks, source maps); an index file
 * `i-<key>.json`, keyed by the entry paths and the loader's options, names the bundle and records
 * the SHA-256 of every input file the bundle read (esbuild's metafile, plus the nearest
 * `tsconfig.json` of each). A bundle is reused only when every input still has its recorded
 * content, every external module it imports still exists and its own files still hash to its
 * name. Everything is written to a temporary name and renamed into place, so concurrent runs
 * never see a partial bundle: two processes that race write the same content under the same name.
 */
import { createHash, randomBytes } from "node:crypto";
import { existsSync, readFileSync, statSync, utimesSync } from "node:fs";
import { mkdir, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";

/** The cache's record of one bundle. */
export interface BundleIndex {
  readonly v: number;
  readonly entries: readonly string[];
  /** The bundle's directory name (`b-<hash>`). */
  readonly dir: string;
  /** The output file of each entry, in the order of `entries`. */
  readonly outputs: readonly string[];
  /** Whether each entry is a CommonJS module (its exports are the output's default export). */
  readonly cjs: readonly boolean[];
  /** Every file of the bundle directory, for the hash check. */
  readonly files: readonly string[];
  /** `[absolute path, sha256]` of every input file. */
  readonly inputs: ReadonlyArray<readonly [string, string]>;
  /** Absolute paths of the external modules the bundle imports. */
  readonly externals: readonly string[];
  /** Paths that must still not exist: where the project would install a package wfc provided. */
  readonly absent: readonly string[];
}

/** One file of a bundle, as esbuild produced it. */
export interface BundleFile {
  readonly name: string;
  readonly contents: Uint8Array | string;
}

/** Bumped whenever the bundle's shape or the esbuild options change. */
export const CACHE_FORMAT = 6;

/** The SHA-256 of some bytes, in hex. */
export function sha256(data: Uint8Array | string): string {
  return createHash("sha256").update(data).digest("hex");
}

/** The index file of a set of entries (with the loader's options and Node's version). */
export function indexPath(cacheDir: string, entries: readonly string[], optionsKey: string): string {
  const key = sha256(JSON.stringify({ v: CACHE_FORMAT, entries, optionsKey, node: process.versions.node }));
  return join(cacheDir, `i-${key.slice(0, 40)}.json`);
}

/** The hash a bundle directory is named after. */
export function bundleHash(files: readonly BundleFile[]): string {
  const h = createHash("sha256");
  for (const f of [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)))
    h.update(f.name).update("\0").update(f.contents).update("\0");
  return h.digest("hex").slice(0, 40);
}

function readHashed(path: string): string | undefined {
  try {
    return sha256(readFileSync(path));
  } catch {
    return undefined;
  }
}

/**
 * The cached bundle for `entries` when it is still valid, else undefined.
 *
 * @example
 * ```ts
 * const hit = validCachedBundle(dir, ["/repo/pipelines/etl.ts"], key);
 * ```
 */
export function validCachedBundle(
  cacheDir: string,
  entries: readonly string[],
  optionsKey: string,
): BundleIndex | undefined {
  let index: BundleIndex;
  try {
    index = JSON.parse(readFileSync(indexPath(cacheDir, entries, optionsKey), "utf8")) as BundleIndex;
  } catch {
    return undefined;
  }
  if (
    index?.v !== CACHE_FORMAT ||
    !Array.isArray(index.inputs) ||
    !Array.isArray(index.files) ||
    JSON.stringify(index.entries) !== JSON.stringify(entries) ||
    !/^b-[0-9a-f]{40}$/.test(index.dir)
  )
    return undefined;
  for (const [path, hash] of index.inputs) if (readHashed(path) !== hash) return undefined;
  for (const path of index.externals) if (!existsSync(path)) return undefined;
  for (const path of index.absent ?? []) if (existsSync(path)) return undefined;
  const dir = join(cacheDir, index.dir);
  const files: BundleFile[] = [];
  for (const name of index.files) {
    try {
      files.push({ name, contents: readFileSync(join(dir, name)) });
    } catch {
      return undefined;
    }
  }
  if (`b-${bundleHash(files)}` !== index.dir) return undefined;
  touch(dir);
  return index;
}

const DAY = 24 * 3600 * 1000;
/** Entries unused for this long are removed when a new bundle is stored. */
const MAX_AGE = 30 * DAY;

/** Marks a bundle as used (at most once a day: its age decides when it is pruned). */
function touch(dir: string): void {
  try {
    const now = Date.now();
    if (statSync(dir).mtimeMs < now - DAY) utimesSync(dir, now / 1000, now / 1000);
  } catch {
    // pruned meanwhile: the import fails and says so
  }
}

/** Removes bundles and indexes unused for {@link MAX_AGE}, and temporary files an interrupted run left. */
async function prune(cacheDir: string): Promise<void> {
  const now = Date.now();
  for (const name of await readdir(cacheDir).catch(() => [] as string[])) {
    const path = join(cacheDir, name);
    const age = now - ((await stat(path).catch(() => undefined))?.mtimeMs ?? now);
    const temporary = name.startsWith(".") && age > 3600 * 1000;
    if (temporary || (/^[bi]-/.test(name) && age > MAX_AGE)) await rm(path, { recursive: true, force: true });
  }
}

/** Whether the bundle directory `dir` still holds exactly the files its name is the hash of. */
function intact(dir: string, name: string, files: readonly BundleFile[]): boolean {
  try {
    const onDisk = files.map((f) => ({ name: f.name, contents: readFileSync(join(dir, f.name)) }));
    return `b-${bundleHash(onDisk)}` === name;
  } catch {
    return false;
  }
}

/** Writes a file by renaming a temporary one into place. */
async function writeAtomic(path: string, contents: Uint8Array | string): Promise<void> {
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    await writeFile(tmp, contents);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/**
 * Stores a bundle and its index; returns the bundle's directory. A bundle directory that already
 * exists (another process wrote it) is kept: its name is its content.
 *
 * @example
 * ```ts
 * const dir = await storeBundle(cacheDir, files, index, key);
 * ```
 */
export async function storeBundle(
  cacheDir: string,
  files: readonly BundleFile[],
  index: Omit<BundleIndex, "v" | "dir" | "files">,
  optionsKey: string,
): Promise<string> {
  const name = `b-${bundleHash(files)}`;
  const dir = join(cacheDir, name);
  if (existsSync(dir) && !intact(dir, name, files)) {
    // damaged (its content no longer matches its name): moved aside, then replaced
    const stale = join(cacheDir, `.stale-${process.pid}-${randomBytes(4).toString("hex")}`);
    await rename(dir, stale).catch(() => undefined);
    await rm(stale, { recursive: true, force: true });
  }
  if (!existsSync(dir)) {
    const tmp = join(cacheDir, `.tmp-${process.pid}-${randomBytes(4).toString("hex")}`);
    try {
      await mkdir(tmp, { recursive: true });
      for (const f of files) await writeFile(join(tmp, f.name), f.contents);
      await rename(tmp, dir);
    } catch (e) {
      await rm(tmp, { recursive: true, force: true });
      // lost a race: the other process's directory has the same content
      if (!existsSync(dir)) throw e;
    }
  }
  await prune(cacheDir);
  const record: BundleIndex = { v: CACHE_FORMAT, dir: name, files: files.map((f) => f.name), ...index };
  await writeAtomic(indexPath(cacheDir, index.entries, optionsKey), JSON.stringify(record));
  return dir;
}
