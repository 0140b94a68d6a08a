import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { unzipSync, Zip, ZipPassThrough } from "fflate";
import { create as tarCreate } from "tar";
import { describe, expect, it } from "vitest";
import yauzl from "yauzl";
import { archiveOf, isTarball, loadArchived, saveArchived } from "./artifact-archive.js";

const tmp = () => mkdtempSync(join(tmpdir(), "wfc-arch-"));

describe("artifact archiving (executor.go's stageArchiveFile / unarchiveArtifact)", () => {
  it("the strategy and the default key's file name", () => {
    expect(archiveOf({ name: "out", path: "/tmp/a.txt" })).toEqual({ fileName: "out.tgz", kind: "tar" });
    expect(archiveOf({ name: "out", path: "/tmp/a.txt", archive: { none: {} } })).toEqual({
      fileName: "a.txt",
      kind: "none",
    });
    expect(archiveOf({ name: "out", path: "/d", archive: { tar: { compressionLevel: 0 } } })).toEqual({
      fileName: "out.tgz",
      kind: "tar",
      level: 0,
    });
  });

  it("tar round trip: a file and a directory come back at the input's path", async () => {
    const d = tmp();
    writeFileSync(join(d, "f"), "file");
    mkdirSync(join(d, "dir/sub"), { recursive: true });
    writeFileSync(join(d, "dir/sub/x"), "x");
    await saveArchived(join(d, "f"), join(d, "repo/f.tgz"), "a.txt", { fileName: "f.tgz", kind: "tar" });
    await saveArchived(join(d, "dir"), join(d, "repo/dir.tgz"), "dir", { fileName: "d.tgz", kind: "tar", level: 1 });
    expect(await isTarball(join(d, "repo/f.tgz"))).toBe(true);
    const f = await loadArchived({ name: "f" }, join(d, "repo/f.tgz"), join(d, "pod"));
    expect(readFileSync(f, "utf8")).toBe("file");
    const dir = await loadArchived({ name: "dir" }, join(d, "repo/dir.tgz"), join(d, "pod"));
    expect(statSync(dir).isDirectory()).toBe(true);
    expect(readFileSync(join(dir, "sub/x"), "utf8")).toBe("x");
  });

  it("isTarball: a plain file or gzip that is not a tar stays as it is; archive: none is never unpacked", async () => {
    const d = tmp();
    writeFileSync(join(d, "plain"), "hello");
    writeFileSync(join(d, "gz"), gzipSync("not a tar"));
    expect(await isTarball(join(d, "plain"))).toBe(false);
    expect(await isTarball(join(d, "gz"))).toBe(false);
    expect(await loadArchived({ name: "p" }, join(d, "plain"), d)).toBe(join(d, "plain"));
    await saveArchived(join(d, "plain"), join(d, "t.tgz"), "plain", { fileName: "t.tgz", kind: "tar" });
    expect(await loadArchived({ name: "t", archive: { none: {} } }, join(d, "t.tgz"), d)).toBe(join(d, "t.tgz"));
  });

  it("unpack: a tarball of several root entries becomes a directory", async () => {
    const d = tmp();
    mkdirSync(join(d, "src"));
    writeFileSync(join(d, "src/a"), "a");
    writeFileSync(join(d, "src/b"), "b");
    await tarCreate({ gzip: true, file: join(d, "two.tgz"), cwd: join(d, "src") }, ["a", "b"]);
    const out = await loadArchived({ name: "two" }, join(d, "two.tgz"), join(d, "pod"));
    expect(readFileSync(join(out, "a"), "utf8")).toBe("a");
    expect(readFileSync(join(out, "b"), "utf8")).toBe("b");
  });
});

/** The entries of a zip as Go's archive/zip sees them: name, creator, external attributes, content. */
async function zipEntries(file: string): Promise<{ name: string; creator: number; attrs: number; data: string }[]> {
  const zf = await new Promise<yauzl.ZipFile>((res, rej) =>
    yauzl.open(file, { lazyEntries: true, decodeStrings: false }, (e, z) => (e || !z ? rej(e) : res(z))),
  );
  const out: { name: string; creator: number; attrs: number; data: string }[] = [];
  await new Promise<void>((resolve, reject) => {
    zf.on("end", resolve);
    zf.on("error", reject);
    zf.on("entry", (e: yauzl.Entry) =>
      zf.openReadStream(e, async (err, rs) => {
        if (err || !rs) return reject(err);
        const chunks: Buffer[] = [];
        for await (const c of rs) chunks.push(c as Buffer);
        out.push({
          name: (e.fileName as unknown as Buffer).toString(),
          creator: e.versionMadeBy >> 8,
          attrs: e.externalFileAttributes,
          data: Buffer.concat(chunks).toString(),
        });
        zf.readEntry();
      }),
    );
    zf.readEntry();
  });
  return out;
}

describe("archive: zip (util/archive.ZipToWriter, executor.go's unzip)", () => {
  const zipped = { name: "out", archive: { zip: {} } } as const;

  it("the default key is <name>.zip; the root entry is the artifact's name, or the path's base name on a mount", () => {
    expect(archiveOf({ ...zipped, path: "/work/dir" })).toMatchObject({
      fileName: "out.zip",
      kind: "zip",
      root: "out",
    });
    const onMount = { container: { image: "x", volumeMounts: [{ name: "v", mountPath: "/work" }] } };
    expect(archiveOf({ ...zipped, path: "/work/dir" }, { name: "t", ...onMount })).toEqual({
      fileName: "out.zip",
      kind: "zip",
      root: "dir",
      singleFile: "/mainctrfs/work/dir",
    });
    // the mount itself counts, a sibling with a common prefix does not
    expect(archiveOf({ ...zipped, path: "/work" }, { name: "t", ...onMount })).toMatchObject({ root: "work" });
    expect(archiveOf({ ...zipped, path: "/workx/d" }, { name: "t", ...onMount })).toMatchObject({ root: "out" });
    // an output at an input artifact's path is read from the input's shared volume
    const withInput = { name: "t", inputs: { artifacts: [{ name: "in", path: "/data", raw: { data: "x" } }] } };
    expect(archiveOf({ ...zipped, path: "/data" }, withInput)).toMatchObject({ root: "data" });
    expect(archiveOf({ ...zipped, path: "/data/sub" }, withInput)).toMatchObject({ root: "sub" });
  });

  it("a directory: one deflated entry per file under <root>/, sorted, no directory entries, no mode (FAT)", async () => {
    const d = tmp();
    mkdirSync(join(d, "dir/sub/empty"), { recursive: true });
    writeFileSync(join(d, "dir/b"), "b");
    writeFileSync(join(d, "dir/a"), "a");
    writeFileSync(join(d, "dir/sub/c"), "c");
    symlinkSync("a", join(d, "dir/link"));
    await saveArchived(join(d, "dir"), join(d, "repo/out.zip"), "dir", archiveOf({ ...zipped, path: "/x/dir" }));
    const entries = await zipEntries(join(d, "repo/out.zip"));
    expect(entries.map((e) => [e.name, e.data])).toEqual([
      ["out/a", "a"],
      ["out/b", "b"],
      // a symlink is an entry without content, as zipDir writes it
      ["out/link", ""],
      ["out/sub/c", "c"],
    ]);
    expect(entries.every((e) => e.creator === 0 && e.attrs === 0)).toBe(true);
    // another reader agrees on the contents
    const all = unzipSync(readFileSync(join(d, "repo/out.zip")));
    expect(Object.keys(all)).toEqual(["out/a", "out/b", "out/link", "out/sub/c"]);
    // and it comes back as a directory at the input's path, without the empty directory
    const back = await loadArchived({ name: "in", archive: { zip: {} } }, join(d, "repo/out.zip"), join(d, "pod"));
    expect(readFileSync(join(back, "sub/c"), "utf8")).toBe("c");
    expect(readdirSync(back).sort()).toEqual(["a", "b", "link", "sub"]);
    expect(readdirSync(join(back, "sub"))).toEqual(["c"]);
    // a FAT entry is 0666 in Go, less the umask
    expect(statSync(join(back, "a")).mode & 0o777).toBe(0o666 & ~process.umask());
  });

  it("a single file: named by the path the executor read it from; from the container's filesystem only when the base name is the artifact's name", async () => {
    const d = tmp();
    writeFileSync(join(d, "f"), "file");
    const mounted = archiveOf(
      { ...zipped, path: "/work/f.txt" },
      { name: "t", container: { image: "x", volumeMounts: [{ name: "v", mountPath: "/work" }] } },
    );
    await saveArchived(join(d, "f"), join(d, "m.zip"), "f.txt", mounted);
    expect((await zipEntries(join(d, "m.zip"))).map((e) => e.name)).toEqual(["/mainctrfs/work/f.txt"]);
    await saveArchived(join(d, "f"), join(d, "b.zip"), "out", archiveOf({ ...zipped, path: "/tmp/out" }));
    expect((await zipEntries(join(d, "b.zip"))).map((e) => e.name)).toEqual(["/tmp/argo/outputs/artifacts/out"]);
    // unzip joins the name under the destination, and unpack moves the single root entry (tmp/) there
    const back = await loadArchived({ name: "in", archive: { zip: {} } }, join(d, "b.zip"), join(d, "pod"));
    expect(readFileSync(join(back, "argo/outputs/artifacts/out"), "utf8")).toBe("file");
    await expect(
      saveArchived(join(d, "f"), join(d, "c.zip"), "a.txt", archiveOf({ ...zipped, path: "/tmp/a.txt" })),
    ).rejects.toThrow(/output artifact out: stat \/tmp\/argo\/outputs\/artifacts\/out: no such file or directory/);
    expect(existsSync(join(d, "c.zip"))).toBe(false);
  });

  it("reading: Unix modes are kept, an entry escaping the destination is refused, a zip is not detected without archive: zip", async () => {
    const d = tmp();
    const exe = new ZipPassThrough("bin/run.sh");
    const evil = new ZipPassThrough("../evil");
    const chunks: Uint8Array[] = [];
    const z = new Zip((_e, c) => void chunks.push(c));
    exe.os = 3;
    exe.attrs = (0o100755 << 16) >>> 0;
    z.add(exe);
    exe.push(new TextEncoder().encode("#!/bin/sh\n"), true);
    z.end();
    writeFileSync(join(d, "unix.zip"), Buffer.concat(chunks));
    const back = await loadArchived({ name: "in", archive: { zip: {} } }, join(d, "unix.zip"), join(d, "pod"));
    expect(statSync(join(back, "run.sh")).mode & 0o777).toBe(0o755 & ~process.umask());
    const chunks2: Uint8Array[] = [];
    const z2 = new Zip((_e, c) => void chunks2.push(c));
    z2.add(evil);
    evil.push(new Uint8Array(0), true);
    z2.end();
    writeFileSync(join(d, "evil.zip"), Buffer.concat(chunks2));
    await expect(
      loadArchived({ name: "in", archive: { zip: {} } }, join(d, "evil.zip"), join(d, "pod2")),
    ).rejects.toThrow(/input artifact in: cannot unzip .*evil\.zip: .*evil: Illegal file path/);
    // no strategy: only a tarball is detected (Argo keeps zips as they are, for compatibility)
    expect(await loadArchived({ name: "in" }, join(d, "unix.zip"), join(d, "pod3"))).toBe(join(d, "unix.zip"));
  });
});
