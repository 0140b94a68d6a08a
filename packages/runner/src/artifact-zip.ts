/**
 * Zip archives as Argo's executor writes and reads them (`archive: {zip: {}}`):
 * - writing is `util/archive.ZipToWriter`: a directory is walked in lexical order and every
 *   non-directory is one entry `<root>/<path inside>` (no directory entries, so an empty directory
 *   is lost; a symlink or other non-regular file is an empty entry), deflated, with no mode bits
 *   (Go's `zip.Writer.Create`: a FAT entry); a single file is one entry named by the absolute path
 *   the executor read it from (`zw.Create(sourcePath)`).
 * - reading is the executor's `unzip`: each entry is extracted under the destination (a name
 *   escaping it is an `Illegal file path`), with Go's `FileHeader.Mode()` as its permissions (0666
 *   for a FAT entry, the Unix mode when the archive was made on Unix), then `unpack` puts a single
 *   root entry at the artifact's path.
 *
 * fflate writes (yazl, the usual writer, refuses the absolute entry names Argo writes for a
 * single file); yauzl reads (it gives each entry's external attributes, which fflate does not).
 */
import { createReadStream, createWriteStream } from "node:fs";
import { lstat, mkdir, readdir, stat } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import { pipeline } from "node:stream/promises";
import { Zip, ZipDeflate } from "fflate";
import yauzl from "yauzl";

/** The zip's entries, as Argo's `zipDir` / `zipFile` name them. */
async function entriesOf(src: string, root: string, singleFileName: string): Promise<[string, string, boolean][]> {
  // ZipToWriter stats the root (following a link); filepath.Walk does not follow links below it
  const st = await stat(src);
  if (!st.isDirectory()) return [[singleFileName, src, true]];
  const out: [string, string, boolean][] = [];
  const walk = async (dir: string): Promise<void> => {
    // filepath.Walk reads each directory's names sorted, byte-wise
    const names = (await readdir(dir)).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    for (const n of names) {
      const p = join(dir, n);
      const s = await lstat(p);
      if (s.isDirectory()) await walk(p);
      else out.push([`${root}/${relative(src, p).split(sep).join("/")}`, p, s.isFile()]);
    }
  };
  await walk(src);
  return out;
}

/**
 * Writes `src` (a file or directory) to the zip `dest` as Argo's executor does: a directory's
 * files under `root/`, a single file as one entry named `singleFileName`.
 *
 * @internal
 */
export async function writeArgoZip(src: string, dest: string, root: string, singleFileName: string): Promise<void> {
  const entries = await entriesOf(src, root, singleFileName);
  const ws = createWriteStream(dest);
  const done = new Promise<void>((resolve, reject) => {
    ws.on("error", reject);
    ws.on("finish", resolve);
  });
  let failed: Error | undefined;
  const zip = new Zip((err, chunk, final) => {
    if (err) failed = err;
    else ws.write(chunk);
    if (final || err) ws.end();
  });
  for (const [name, path, regular] of entries) {
    // Go's flate.DefaultCompression is zlib's level 6; Create writes no mode (a FAT entry)
    const f = new ZipDeflate(name, { level: 6 });
    f.os = 0;
    f.attrs = 0;
    f.mtime = new Date(1980, 0, 1);
    zip.add(f);
    if (regular) for await (const chunk of createReadStream(path)) f.push(chunk as Uint8Array);
    f.push(new Uint8Array(0), true);
  }
  zip.end();
  await done;
  if (failed) throw failed;
}

const S_IFMT = 0o170000;

/** Go's `zip.FileHeader.Mode()`: permission bits, and whether it is a directory. */
function goMode(e: yauzl.Entry, name: string): { perm: number; dir: boolean } {
  const creator = e.versionMadeBy >> 8;
  let perm = 0;
  let dir = false;
  if (creator === 3 || creator === 19) {
    // creatorUnix, creatorMacOSX: the Unix mode in the high 16 bits
    const m = e.externalFileAttributes >>> 16;
    perm = m & 0o7777;
    dir = (m & S_IFMT) === 0o040000;
  } else if (creator === 0 || creator === 11 || creator === 14) {
    // creatorFAT, creatorNTFS, creatorVFAT: MS-DOS attributes
    const a = e.externalFileAttributes;
    if (a & 0x10) {
      dir = true;
      perm = 0o777;
    } else perm = 0o666;
    if (a & 0x01) perm &= ~0o222;
  }
  if (name.endsWith("/")) dir = true;
  return { perm, dir };
}

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, decodeStrings: false, autoClose: true }, (err, zf) =>
      err || !zf ? reject(err ?? new Error("cannot open zip")) : resolve(zf),
    ),
  );
}

/**
 * Extracts the zip `file` into the directory `dest` as Argo's executor `unzip` does.
 *
 * @internal
 */
export async function readArgoZip(file: string, dest: string): Promise<void> {
  const zf = await openZip(file);
  const base = `${join(dest)}${sep}`;
  await new Promise<void>((resolve, reject) => {
    const fail = (e: unknown) => {
      zf.close();
      reject(e);
    };
    zf.on("error", fail);
    zf.on("end", resolve);
    zf.on("entry", (e: yauzl.Entry) => {
      const name = (e.fileName as unknown as Buffer).toString("utf8");
      const path = join(dest, name);
      const extract = async () => {
        if (!path.startsWith(base)) throw new Error(`${path}: Illegal file path`);
        const { perm, dir } = goMode(e, name);
        // directories get 0755, not Go's MkdirAll(path, f.Mode()) (0644 after the umask for a
        // FAT entry), so that the run directory stays readable and removable
        if (dir) {
          await mkdir(path, { recursive: true });
          return;
        }
        await mkdir(dirname(path), { recursive: true });
        const rs = await new Promise<NodeJS.ReadableStream>((res, rej) =>
          zf.openReadStream(e, (err, s) => (err || !s ? rej(err ?? new Error("cannot read zip entry")) : res(s))),
        );
        await pipeline(rs, createWriteStream(path, { mode: perm & 0o7777, flags: "w" }));
      };
      extract().then(() => zf.readEntry(), fail);
    });
    zf.readEntry();
  });
}
