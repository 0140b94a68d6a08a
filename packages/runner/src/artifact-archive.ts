/**
 * Artifact archiving as Argo's executor does it (workflow/executor/executor.go):
 * - saving (`stageArchiveFile`): the strategy is the artifact's `archive`, else tar; tar writes a
 *   gzipped tarball whose one root entry is the path's base name, stored as `<name>.tgz`
 *   (`tar.compressionLevel` as gzip's level); `none` stores the file or directory as it is, under
 *   the path's base name; `zip` is refused (no zip writer here).
 * - loading (`unarchiveArtifact`): `none` as is, `tar` untarred, no strategy: untarred when the
 *   file is a gzipped tarball (`isTarball`), else as is; `unpack` puts a single root entry at the
 *   artifact's path, several entries in a directory there.
 */
import { createReadStream } from "node:fs";
import { cp, mkdir, open, readdir, rename, rm, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { createGunzip } from "node:zlib";
import type { Artifact } from "@wfc/sdk/argo";
import { Parser, create as tarCreate, extract as tarExtract } from "tar";

/** How an output is stored: the file name of its default key, and whether it is a tarball. */
export function archiveOf(a: Artifact): { fileName: string; tar: boolean; level?: number } {
  const s = a.archive;
  if (s?.none) return { fileName: basename(a.path ?? a.name), tar: false };
  if (s?.zip)
    throw new Error(`output artifact ${a.name}: archive: zip is not supported by the local runner (use tar or none)`);
  const level = s?.tar?.compressionLevel;
  return { fileName: `${a.name}.tgz`, tar: true, ...(level !== undefined ? { level } : {}) };
}

/** Writes `src` (a file or directory) to `dest`: a tgz whose root entry is `entry`, or a copy. */
export async function saveArchived(
  src: string,
  dest: string,
  entry: string,
  how: { tar: boolean; level?: number },
): Promise<void> {
  await mkdir(dirname(dest), { recursive: true });
  if (!how.tar) {
    await rm(dest, { recursive: true, force: true });
    await cp(src, dest, { recursive: true, force: true, verbatimSymlinks: true });
    return;
  }
  const tmp = `${dest}.${process.pid}.tmp`;
  const staging = `${tmp}dir`;
  // the root entry is named for the artifact's path in the container, as `docker cp` names it
  await mkdir(staging, { recursive: true });
  try {
    await cp(src, join(staging, entry), { recursive: true, verbatimSymlinks: true });
    // gzip level -1 is Go's default compression (zlib's 6)
    const level = how.level === undefined || how.level < 0 ? 6 : Math.min(9, how.level);
    await tarCreate({ gzip: { level }, file: tmp, cwd: staging, portable: true }, [entry]);
    await rename(tmp, dest);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** `isTarball`: a gzip stream whose first tar header reads. */
export async function isTarball(file: string): Promise<boolean> {
  const s = await stat(file).catch(() => undefined);
  if (!s?.isFile()) return false;
  const fh = await open(file, "r");
  try {
    const magic = Buffer.alloc(2);
    await fh.read(magic, 0, 2, 0);
    if (magic[0] !== 0x1f || magic[1] !== 0x8b) return false;
  } finally {
    await fh.close();
  }
  return new Promise((resolve) => {
    let done = false;
    const finish = (v: boolean) => {
      if (done) return;
      done = true;
      stream.destroy();
      resolve(v);
    };
    const parser = new Parser({ onReadEntry: () => finish(true) });
    parser.on("error", () => finish(false));
    parser.on("end", () => finish(false));
    const stream = createReadStream(file);
    stream.on("error", () => finish(false));
    const gunzip = createGunzip();
    gunzip.on("error", () => finish(false));
    stream.pipe(gunzip).pipe(parser as unknown as NodeJS.WritableStream);
  });
}

/**
 * The host path to stage for an input read from the repository at `src`: `src` itself, or the
 * tarball unpacked under `workdir` as `unpack` lays it out.
 */
export async function loadArchived(a: Artifact, src: string, workdir: string): Promise<string> {
  const s = a.archive;
  if (s?.zip) throw new Error(`input artifact ${a.name}: archive: zip is not supported by the local runner`);
  const untar = s?.none ? false : s?.tar ? true : await isTarball(src);
  if (!untar) return src;
  const dest = join(workdir, "inputs", a.name);
  const tmp = `${dest}.tmpdir`;
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp, { recursive: true });
  try {
    await tarExtract({ file: src, cwd: tmp, strict: true });
  } catch (e) {
    throw new Error(`input artifact ${a.name}: cannot untar ${src}: ${(e as Error).message}`);
  }
  const entries = await readdir(tmp);
  await rm(dest, { recursive: true, force: true });
  if (entries.length === 1) {
    await rename(join(tmp, entries[0] as string), dest);
    await rm(tmp, { recursive: true, force: true });
  } else await rename(tmp, dest);
  return dest;
}
