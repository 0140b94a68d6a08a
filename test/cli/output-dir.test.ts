import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WFC } from "../helpers.js";
import { cleanup, STACK_LINE, tmpDir, wfcBounded } from "./bounded.js";

// `wfc build -d DIR` and `wfc import -o` write all or nothing, and say why in one line when they cannot.
let dir = "";
let many = "";
const N = 2000;
const manifest = (name: string, arg = "x") =>
  `apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata:\n  name: ${name}\nspec:\n  entrypoint: main\n  templates:\n  - name: main\n    container: {image: alpine, args: ["${arg}"]}\n`;

beforeAll(() => {
  dir = tmpDir("output-dir");
  many = join(dir, "many.yaml");
  writeFileSync(many, Array.from({ length: N }, (_, i) => manifest(`wf-${i}`, "x".repeat(2000))).join("---\n"));
  writeFileSync(join(dir, "one.yaml"), manifest("one"));
  writeFileSync(join(dir, "long-name.yaml"), manifest("a".repeat(250)));
  writeFileSync(join(dir, "a-file"), "not a directory\n");
});
afterAll(cleanup);

/** Every entry under `d` (recursively), relative. */
const tree = (d: string): string[] => (existsSync(d) ? (readdirSync(d, { recursive: true }) as string[]).sort() : []);
const leftovers = (d: string) => tree(d).filter((f) => /\.tmp$|wfc-staging/.test(f));

const oneLine = (r: { stderr: string }) => {
  expect(r.stderr).not.toMatch(STACK_LINE);
  expect(r.stderr.trim().split("\n")).toHaveLength(1);
  expect(r.stderr).toMatch(/^error: .*\[E_OUTPUT\]\n$/);
};

describe("wfc build -d DIR: the set of files", () => {
  it("2000 manifests land whole in a new directory, with nothing staged left", () => {
    const out = join(dir, "fresh", "out");
    const r = wfcBounded(["build", many, "-d", out], { timeoutMs: 60_000 });
    expect(r.code).toBe(0);
    expect(readdirSync(out)).toHaveLength(N);
    expect(leftovers(dir)).toEqual([]);
  }, 120_000);

  it("into an existing directory: replaces the manifests, keeps other files", () => {
    const out = join(dir, "existing");
    mkdirSync(out);
    writeFileSync(join(out, "notes.txt"), "mine\n");
    writeFileSync(join(out, "workflow-one.yaml"), "old\n");
    const r = wfcBounded(["build", join(dir, "one.yaml"), "-d", out]);
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["notes.txt", "workflow-one.yaml"]);
    expect(readFileSync(join(out, "workflow-one.yaml"), "utf8")).toContain("name: one");
    expect(leftovers(dir)).toEqual([]);
  });

  it("onto a file: one line, exit 1", () => {
    const r = wfcBounded(["build", join(dir, "one.yaml"), "-d", join(dir, "a-file")]);
    expect(r.code).toBe(1);
    oneLine(r);
    expect(r.stderr).toContain("a-file: it is a file, not a directory");
  });

  it("under a file: one line naming the file, exit 1", () => {
    const r = wfcBounded(["build", join(dir, "one.yaml"), "-d", join(dir, "a-file", "sub", "out")]);
    expect(r.code).toBe(1);
    oneLine(r);
    expect(r.stderr).toContain(`${join(dir, "a-file")} is a file, not a directory`);
  });

  it("a manifest name too long for a file name: one line naming it, nothing written, exit 1", () => {
    const out = join(dir, "long-name-out");
    const r = wfcBounded(["build", join(dir, "one.yaml"), join(dir, "long-name.yaml"), "-d", out]);
    expect(r.code).toBe(1);
    oneLine(r);
    expect(r.stderr).toContain("the file name is 264 bytes, over the 255");
    expect(existsSync(out)).toBe(false);
  });

  it("a path too long (ENAMETOOLONG): one shortened line, exit 1", () => {
    const out = join(dir, ...Array(25).fill("d".repeat(200)));
    const r = wfcBounded(["build", join(dir, "one.yaml"), "-d", out]);
    expect(r.code).toBe(1);
    oneLine(r);
    expect(r.stderr).toContain("too long (ENAMETOOLONG)");
    expect(r.stderr.length).toBeLessThan(400);
  });

  it("Ctrl-C while the files are written: exit 130, nothing written, nothing staged left", async () => {
    const parent = join(dir, "sigint");
    const out = join(parent, "out");
    const p = spawn(process.execPath, [WFC, "build", many, "-d", out], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    p.stderr.on("data", (d) => {
      stderr += d;
    });
    // Interrupt as soon as the staging directory exists (the files are being written).
    const poll = setInterval(() => {
      if (existsSync(parent) && readdirSync(parent).some((f) => f.includes("wfc-staging"))) {
        p.kill("SIGINT");
        clearInterval(poll);
      }
    }, 1);
    const killer = setTimeout(() => p.kill("SIGKILL"), 60_000);
    const code = await new Promise<number | null>((done) => p.on("exit", (c) => done(c)));
    clearInterval(poll);
    clearTimeout(killer);
    // Either the interrupt came while staging (the usual case) or after the whole set landed.
    const files = existsSync(out) ? readdirSync(out).length : 0;
    expect([0, N]).toContain(files);
    expect(leftovers(dir)).toEqual([]);
    if (files === 0) {
      expect(code).toBe(130);
      expect(stderr).toBe(`wfc: interrupted: no manifests written to ${out}\n`);
    }
  }, 90_000);
});

describe("wfc import -o", () => {
  it("into a directory: one line, exit 1", () => {
    const out = join(dir, "import-dir");
    mkdirSync(out);
    const r = wfcBounded(["import", join(dir, "one.yaml"), "-o", out]);
    expect(r.code).toBe(1);
    oneLine(r);
    expect(r.stderr).toContain(`${out}: it is a directory`);
  });

  it("under a file: one line, exit 1", () => {
    const r = wfcBounded(["import", join(dir, "one.yaml"), "-o", join(dir, "a-file", "x.ts")]);
    expect(r.code).toBe(1);
    oneLine(r);
  });
});

// A real full disk and a real read-only file system: a small tmpfs mounted in a user and mount
// namespace (`unshare -rm`, no root needed). Skipped where the kernel does not allow it.
const canMount =
  spawnSync("unshare", ["-rm", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt"], { encoding: "utf8" }).status === 0;

/** Runs wfc with a fresh tmpfs at `mnt` (size, optionally read-only after `prepare`), lists the tmpfs afterwards. */
function withTmpfs(mnt: string, size: string, prepare: string, readOnly: boolean, args: string[]) {
  mkdirSync(mnt, { recursive: true });
  const listing = `${mnt}.listing`;
  const script = [
    `mount -t tmpfs -o size=${size} tmpfs "${mnt}"`,
    prepare,
    readOnly ? `mount -o remount,ro "${mnt}"` : "true",
    `"$0" "$@"; rc=$?`,
    `(cd "${mnt}" && find . | sort) > "${listing}"`,
    "exit $rc",
  ].join(" && ");
  const r = spawnSync("unshare", ["-rm", "sh", "-c", script, process.execPath, WFC, ...args], {
    encoding: "utf8",
    timeout: 60_000,
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { code: r.status ?? -1, stderr: r.stderr, stdout: r.stdout, listing: readFileSync(listing, "utf8") };
}

describe.skipIf(!canMount)("a full or read-only disk (tmpfs in a mount namespace)", () => {
  it("a full disk while writing 2000 manifests: one line, nothing written, no temporary files", () => {
    const mnt = join(dir, "full");
    const r = withTmpfs(mnt, "1m", `mkdir "${mnt}/out" && echo mine > "${mnt}/out/notes.txt"`, false, [
      "build",
      many,
      "-d",
      join(mnt, "out"),
    ]);
    expect(r.code).toBe(1);
    oneLine(r);
    expect(r.stderr).toContain("no space left on the device (ENOSPC); nothing written");
    expect(r.listing).toBe(".\n./out\n./out/notes.txt\n");
  });

  it("a read-only file system: one line, exit 1 (build -d and import -o)", () => {
    const mnt = join(dir, "ro");
    const b = withTmpfs(mnt, "1m", `mkdir "${mnt}/out"`, true, [
      "build",
      join(dir, "one.yaml"),
      "-d",
      join(mnt, "out"),
    ]);
    expect(b.code).toBe(1);
    oneLine(b);
    expect(b.stderr).toContain("the file system is read-only (EROFS)");
    expect(b.listing).toBe(".\n./out\n");
    const i = withTmpfs(mnt, "1m", "true", true, ["import", join(dir, "one.yaml"), "-o", join(mnt, "one.ts")]);
    expect(i.code).toBe(1);
    oneLine(i);
    expect(i.stderr).toContain("read-only (EROFS)");
    expect(i.listing).toBe(".\n");
  });
});
