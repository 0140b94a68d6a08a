// `wfc init` through the real binary: the scaffolded project builds (through its wfc.config.ts),
// lints, type-checks and its test passes; a second init into the same directory refuses and changes nothing.
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
import { parse } from "yaml";
import { ROOT, wfc } from "../helpers.js";

const FILES = [
  ".github/workflows/wfc.yml",
  ".gitignore",
  ".gitlab-ci.yml",
  "README.md",
  "package.json",
  "pipelines/hello.test.ts",
  "pipelines/hello.ts",
  "tsconfig.json",
  "wfc.config.ts",
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
    expect(r.stdout).toMatch(/npm install\n {2}npm test\n {2}npm run build\n {2}npx wfc run pipelines\/hello\.ts/);
    expect(Object.keys(snapshot(dir)).sort()).toEqual(FILES);
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    const version = JSON.parse(readFileSync(join(ROOT, "packages/cli/package.json"), "utf8")).version;
    expect(pkg).toMatchObject({
      name: "my-pipelines",
      private: true,
      type: "module",
      scripts: { build: "wfc build --prune", lint: "wfc lint", test: "vitest run" },
    });
    expect(Object.keys(pkg.devDependencies).sort()).toEqual(["typescript", "vitest", "wfc"]);
    expect(pkg.devDependencies.wfc).toBe(`^${version}`);
    for (const p of ["vitest", "typescript"]) expect(pkg.devDependencies[p]).toMatch(/^[~^]\d/);
    expect(readFileSync(join(dir, "pipelines/hello.ts"), "utf8")).toContain('from "wfc";');
    expect(readFileSync(join(dir, "pipelines/hello.test.ts"), "utf8")).toContain('from "wfc/testing";');
    const tsconfig = JSON.parse(readFileSync(join(dir, "tsconfig.json"), "utf8"));
    expect(tsconfig.compilerOptions).toMatchObject({ strict: true, module: "NodeNext", noEmit: true });
    const gitignore = readFileSync(join(dir, ".gitignore"), "utf8");
    expect(gitignore).toContain("node_modules");
    expect(gitignore).toContain(".wfc/");
    expect(gitignore).not.toContain("manifests");
    symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));
  });

  it("the CI recipes run lint, test and build, then check manifests/ is what the pipelines build", () => {
    for (const f of [".github/workflows/wfc.yml", ".gitlab-ci.yml"]) {
      const text = readFileSync(join(dir, f), "utf8");
      const steps = ["npm ci", "npm run lint", "npm test", "npm run build", "git status --porcelain -- manifests/"];
      const at = steps.map((s) => text.indexOf(s));
      expect(
        at.every((i) => i >= 0),
        `${f}: ${JSON.stringify(at)}`,
      ).toBe(true);
      expect([...at].sort((a, b) => a - b)).toEqual(at);
      const doc = parse(text) as Record<string, unknown>;
      const script = f.startsWith(".github")
        ? (doc as { jobs: { pipelines: { steps: { run?: string }[] } } }).jobs.pipelines.steps.flatMap(
            (s) => s.run ?? [],
          )
        : (doc as { pipelines: { script: string[] } }).pipelines.script;
      expect(script.slice(0, 4)).toEqual([
        `npm ci${f.startsWith(".github") ? "" : " --cache .npm --prefer-offline"}`,
        "npm run lint",
        "npm test",
        "npm run build",
      ]);
      expect(script[4]).toMatch(
        /^if \[ -n "\$\(git status --porcelain -- manifests\/\)" \]; then\n[\s\S]*exit 1\nfi\n$/,
      );
      expect(spawnSync("sh", ["-n", "-c", script[4] ?? ""], { encoding: "utf8", timeout: 10_000 }).status).toBe(0);
    }
  });

  // Each of the next tests runs one child process that loads wfc's declarations into the TypeScript
  // compiler (wfc lint, vitest, tsc: 4-9 s of CPU each on this project, little of it the project's own
  // code), so each is a test of its own with room for a loaded machine: at a load average of 15 on two
  // cores such a child gets about an eighth of a core. (They were two tests of two children each, and one
  // hit the 60 s timeout.) The timeout only guards against a hang; nothing here measures speed.
  const COMPILER_RUN_MS = 120_000;

  it("the scaffolded pipelines build (the package's build script: wfc.config.ts) to valid manifests", () => {
    const b = wfc(["build", "--prune"], { cwd: dir });
    expect(b.code, b.stderr).toBe(0);
    expect(readdirSync(join(dir, "manifests"))).toEqual(["workflow-hello.yaml"]);
    const docs = parseK8sYaml(readFileSync(join(dir, "manifests/workflow-hello.yaml"), "utf8"));
    expect(docs).toHaveLength(1);
    for (const m of docs) expect(validateManifest(m)).toEqual([]);
    expect(b.stderr).toContain("wrote 1 manifest to manifests");
  });

  it(
    "the scaffolded pipelines lint clean (the type check and the CRD schema)",
    () => {
      const l = wfc(["lint"], { cwd: dir });
      expect(l.code, l.stderr).toBe(0);
      expect(l.stdout).toContain("pipelines/hello.ts: ok");
    },
    COMPILER_RUN_MS,
  );

  it(
    "the scaffolded test passes with vitest",
    () => {
      const v = spawnSync(process.execPath, [join(ROOT, "node_modules/vitest/vitest.mjs"), "run", "--root", dir], {
        cwd: dir,
        encoding: "utf8",
        env: { ...process.env, NO_COLOR: "1", CI: "1" },
      });
      expect(v.status, v.stdout + v.stderr).toBe(0);
      expect(v.stdout).toMatch(/Tests\s+2 passed/);
    },
    COMPILER_RUN_MS,
  );

  it(
    "the project type-checks (tsc -p tsconfig.json: the pipelines, their test and wfc.config.ts)",
    () => {
      const t = spawnSync(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.json"], {
        cwd: dir,
        encoding: "utf8",
      });
      expect(t.status, t.stdout + t.stderr).toBe(0);
    },
    COMPILER_RUN_MS,
  );

  it("a second init into the same directory exits 1, names the files and changes nothing", () => {
    const before = snapshot(dir);
    const r = wfc(["init", dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      "refusing to overwrite package.json, tsconfig.json, wfc.config.ts, .gitignore, README.md",
    );
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
