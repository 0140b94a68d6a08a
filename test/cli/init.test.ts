// `wfc init` through the real binary: the scaffolded project builds, lints, type-checks and its
// test passes; a second init into the same directory refuses and changes nothing.
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseK8sYaml, validateManifest } from "@wfc/sdk";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, wfc } from "../helpers.js";

const FILES = [
  ".gitignore",
  "README.md",
  "package.json",
  "pipelines/hello.test.ts",
  "pipelines/hello.ts",
  "tsconfig.json",
];
const base = mkdtempSync(join(tmpdir(), "wfc-init-"));
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** Every file under `dir` (not node_modules) with its content. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const rel = join(e.parentPath, e.name).slice(dir.length + 1);
    if (e.isFile() && !rel.startsWith("node_modules")) out[rel] = readFileSync(join(dir, rel), "utf8");
  }
  return out;
}

describe("wfc init", () => {
  const dir = join(base, "My Pipelines");

  it("creates the directory and writes the project files, then prints the next steps", () => {
    const r = wfc(["init", dir]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    for (const f of FILES) expect(r.stdout).toContain(`  ${f}\n`);
    expect(r.stdout).toMatch(/npm install\n {2}npm test\n {2}npx wfc run pipelines\/hello\.ts/);
    expect(Object.keys(snapshot(dir)).sort()).toEqual(FILES);
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    const version = JSON.parse(readFileSync(join(ROOT, "packages/cli/package.json"), "utf8")).version;
    expect(pkg).toMatchObject({
      name: "my-pipelines",
      private: true,
      type: "module",
      scripts: { build: "wfc build pipelines/ -d manifests/ --prune", lint: "wfc lint pipelines/", test: "vitest run" },
    });
    for (const p of ["@wfc/cli", "@wfc/sdk", "@wfc/runner"]) expect(pkg.devDependencies[p]).toBe(`^${version}`);
    for (const p of ["vitest", "typescript", "zod"]) expect(pkg.devDependencies[p]).toMatch(/^[~^]\d/);
    const tsconfig = JSON.parse(readFileSync(join(dir, "tsconfig.json"), "utf8"));
    expect(tsconfig.compilerOptions).toMatchObject({ strict: true, module: "NodeNext", noEmit: true });
    const gitignore = readFileSync(join(dir, ".gitignore"), "utf8");
    expect(gitignore).toContain("node_modules");
    expect(gitignore).toContain(".wfc/");
    expect(gitignore).not.toContain("manifests");
    symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));
  });

  it("the scaffolded pipelines build (the package's build script) to valid manifests and lint clean", () => {
    const b = wfc(["build", "pipelines/", "-d", "manifests/", "--prune"], { cwd: dir });
    expect(b.code, b.stderr).toBe(0);
    expect(readdirSync(join(dir, "manifests"))).toEqual(["workflow-hello.yaml"]);
    const docs = parseK8sYaml(readFileSync(join(dir, "manifests/workflow-hello.yaml"), "utf8"));
    expect(docs).toHaveLength(1);
    for (const m of docs) expect(validateManifest(m)).toEqual([]);
    const l = wfc(["lint", "pipelines/"], { cwd: dir });
    expect(l.code, l.stderr).toBe(0);
    expect(l.stdout).toContain("pipelines/hello.ts: ok");
  });

  it("the scaffolded test passes with vitest, and the project type-checks", () => {
    const v = spawnSync(process.execPath, [join(ROOT, "node_modules/vitest/vitest.mjs"), "run", "--root", dir], {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1", CI: "1" },
    });
    expect(v.status, v.stdout + v.stderr).toBe(0);
    expect(v.stdout).toMatch(/Tests\s+2 passed/);
    const t = spawnSync(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.json"], {
      cwd: dir,
      encoding: "utf8",
    });
    expect(t.status, t.stdout + t.stderr).toBe(0);
  }, 120_000);

  it("a second init into the same directory exits 1, names the files and changes nothing", () => {
    const before = snapshot(dir);
    const r = wfc(["init", dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("refusing to overwrite package.json, tsconfig.json, .gitignore, README.md");
    expect(r.stderr).toContain("[E_INIT_EXISTS]");
    expect(snapshot(dir)).toEqual(before);
  });

  it("one existing file is enough to refuse: nothing else is written", () => {
    const d = join(base, "partial");
    mkdirSync(join(d, "pipelines"), { recursive: true });
    writeFileSync(join(d, "pipelines/hello.ts"), "// mine\n");
    const r = wfc(["init", d]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("refusing to overwrite pipelines/hello.ts;");
    expect(snapshot(d)).toEqual({ "pipelines/hello.ts": "// mine\n" });
    expect(existsSync(join(d, "package.json"))).toBe(false);
  });
});
