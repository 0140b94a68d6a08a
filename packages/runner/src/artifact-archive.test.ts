import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { create as tarCreate } from "tar";
import { describe, expect, it } from "vitest";
import { archiveOf, isTarball, loadArchived, saveArchived } from "./artifact-archive.js";

const tmp = () => mkdtempSync(join(tmpdir(), "wfc-arch-"));

describe("artifact archiving (executor.go's stageArchiveFile / unarchiveArtifact)", () => {
  it("the strategy and the default key's file name", () => {
    expect(archiveOf({ name: "out", path: "/tmp/a.txt" })).toEqual({ fileName: "out.tgz", tar: true });
    expect(archiveOf({ name: "out", path: "/tmp/a.txt", archive: { none: {} } })).toEqual({
      fileName: "a.txt",
      tar: false,
    });
    expect(archiveOf({ name: "out", path: "/d", archive: { tar: { compressionLevel: 0 } } })).toEqual({
      fileName: "out.tgz",
      tar: true,
      level: 0,
    });
  });

  it("tar round trip: a file and a directory come back at the input's path", async () => {
    const d = tmp();
    writeFileSync(join(d, "f"), "file");
    mkdirSync(join(d, "dir/sub"), { recursive: true });
    writeFileSync(join(d, "dir/sub/x"), "x");
    await saveArchived(join(d, "f"), join(d, "repo/f.tgz"), "a.txt", { tar: true });
    await saveArchived(join(d, "dir"), join(d, "repo/dir.tgz"), "dir", { tar: true, level: 1 });
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
    await saveArchived(join(d, "plain"), join(d, "t.tgz"), "plain", { tar: true });
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
