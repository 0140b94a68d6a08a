/**
 * Artifact archiving as Argo's executor does it (workflow/executor/executor.go):
 * - saving (`stageArchiveFile`): the strategy is the artifact's `archive`, else tar; tar writes a
 *   gzipped tarball whose one root entry is the path's base name, stored as `<name>.tgz`
 *   (`tar.compressionLevel` as gzip's level); `none` stores the file or directory as it is, under
 *   the path's base name; `zip` writes `<name>.zip` (see `artifact-zip.ts`), whose root entry is
 *   the artifact's name when the path is in the container's own filesystem, and the path's base
 *   name when it is on a volume mount or an input artifact's path (Argo reads it from there).
 * - loading (`unarchiveArtifact`): `none` as is, `tar` untarred, `zip` unzipped, no strategy:
 *   untarred when the file is a gzipped tarball (`isTarball`; a zip is never detected), else as
 *   is; `unpack` puts a single root entry at the artifact's path, several entries in a directory
 *   there.
 */
import { createReadStream } from "node:fs";
import { cp, mkdir, open, readdir, rename, rm, stat } from "node:fs/promises";
import { basename, dirname, isAbsolute, join, relative } from "node:path";
import { createGunzip } from "node:zlib";
import type { Artifact, Template } from "@wfc/sdk/argo";
import { Parser, create as tarCreate, extract as tarExtract } from "tar";

/** Argo's executor: where the wait container stages outputs, and where it sees main's mounts. */
const TEMP_OUT_ART_DIR = "/tmp/argo/outputs/artifacts";
const MAIN_FS_DIR = "/mainctrfs";

/**
 * How an output is stored: the file name of its default key, and its archive (`tar` with gzip's
 * level, `none`, or `zip` with the names Argo gives its entries).
 */
export type ArchiveHow =
  | { readonly fileName: string; readonly kind: "tar"; readonly level?: number }
  | { readonly fileName: string; readonly kind: "none" }
  | { readonly fileName: string; readonly kind: "zip"; readonly root: string; readonly singleFile: string | Error };

/** `filepath.Rel(base, target)` stays inside: target is base or under it. */
function within(base: string, target: string): boolean {
  const r = relative(base, target);
  return r === "" || (r !== ".." && !r.startsWith("../") && !isAbsolute(r));
}

/**
 * The executor's `isBaseImagePath` (the default, not init-less, pod layout): false when the path
 * is on one of the template's volume mounts or is (or is under) one of its input artifacts' paths.
 */
export function isBaseImagePath(t: Template | undefined, path: string): boolean {
  const mounts = t?.container?.volumeMounts ?? t?.script?.volumeMounts ?? t?.containerSet?.volumeMounts ?? [];
  if (mounts.some((m) => within(m.mountPath, path))) return false;
  for (const a of t?.inputs?.artifacts ?? []) {
    if (a.path === path) {
      const supplied = Object.keys(a).some((k) => k !== "name" && k !== "path" && k !== "optional" && k !== "mode");
      return a.optional === true && !supplied;
    }
    if (a.path && path.startsWith(`${a.path}/`)) return false;
  }
  return true;
}

/** How an output is stored ({@link ArchiveHow}); `t` is its template (for `zip`'s entry names). */
export function archiveOf(a: Artifact, t?: Template): ArchiveHow {
  const s = a.archive;
  if (s?.none) return { fileName: basename(a.path ?? a.name), kind: "none" };
  if (s?.zip) {
    const path = a.path ?? a.name;
    const fileName = `${a.name}.zip`;
    if (!isBaseImagePath(t, path))
      // read from the mirrored mount: zipDir's root is the path's base name, zipFile names the file by its path there
      return { fileName, kind: "zip", root: basename(path), singleFile: join(MAIN_FS_DIR, path) };
    // copied out of the container as a tarball and untarred to /tmp/argo/outputs/artifacts/<name>;
    // a single file is then renamed to its base name before ZipToWriter reads the old name
    const staged = join(TEMP_OUT_ART_DIR, a.name);
    return {
      fileName,
      kind: "zip",
      root: a.name,
      singleFile:
        basename(path) === a.name
          ? staged
          : new Error(
              `output artifact ${a.name}: stat ${staged}: no such file or directory (Argo's executor cannot zip a single file from the container's filesystem unless the path's base name is the artifact's name, ${basename(path)} here; a directory, or a file on a volume mount, zips)`,
            ),
    };
  }
  const level = s?.tar?.compressionLevel;
  return { fileName: `${a.name}.tgz`, kind: "tar", ...(level !== undefined ? { level } : {}) };
}

/** Writes `src` (a file or directory) to `dest`: a tgz whose root entry is `entry`, a zip, or a copy. */
export async function saveArchived(src: string, dest: string, entry: string, how: ArchiveHow): Promise<void> {
  await mkdir(dirname(dest), { recursive: true });
  if (how.kind === "zip") {
    const single = (await stat(src)).isDirectory() ? "" : how.singleFile;
    if (single instanceof Error) throw single;
    const tmp = `${dest}.${process.pid}.tmp`;
    try {
      // the zip libraries load only when a zip is written or read
      const { writeArgoZip } = await import("./artifact-zip.js");
      await writeArgoZip(src, tmp, how.root, single);
      await rename(tmp, dest);
    } finally {
      await rm(tmp, { force: true });
    }
    return;
  }
  if (how.kind === "none") {
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
  const zip = Boolean(s?.zip) && !s?.none && !s?.tar;
  const untar = s?.none ? false : s?.tar ? true : s?.zip ? false : await isTarball(src);
  if (!untar && !zip) return src;
  const dest = join(workdir, "inputs", a.name);
  const tmp = `${dest}.tmpdir`;
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp, { recursive: true });
  try {
    if (zip) await (await import("./artifact-zip.js")).readArgoZip(src, tmp);
    else await tarExtract({ file: src, cwd: tmp, strict: true });
  } catch (e) {
    throw new Error(`input artifact ${a.name}: cannot ${zip ? "unzip" : "untar"} ${src}: ${(e as Error).message}`);
  }
  const entries = await readdir(tmp);
  await rm(dest, { recursive: true, force: true });
  if (entries.length === 1) {
    await rename(join(tmp, entries[0] as string), dest);
    await rm(tmp, { recursive: true, force: true });
  } else await rename(tmp, dest);
  return dest;
}
