/**
 * The packages work on their own (issue 14): every workspace package is packed with `npm pack`,
 * the tarballs are checked (README, LICENSE, NOTICE, every file `exports`/`main`/`types`/`bin`
 * name, the sources of every source map, dependencies on siblings by range), then installed with
 * `npm install --prefer-offline` into fresh repositories made by `npm init -y`: a commonjs one and
 * an ESM one (`"type": "module"`). There `wfc build`, `wfc lint`, `tsc --noEmit` under nodenext,
 * node16, bundler and node10 resolution, and a user's vitest test of the harness (`wfc/testing`)
 * run. Last, the issue's "Done when": `wfc init demo && cd demo && npm install <tarballs> && npm
 * test && npx wfc build`.
 *
 * Nothing here reads the monorepo's node_modules from the repositories under test: they have only
 * what the tarballs and the npm cache give them. Every spawn is bounded by a timeout.
 */
import { type SpawnSyncReturns, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, posix } from "node:path";
import { parseK8sYaml, validateManifest } from "@wfc/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../helpers.js";

const base = mkdtempSync(join(tmpdir(), "wfc-packaging-"));
const TGZ = join(base, "tarballs");
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** The environment of the commands run here: none of the npm/vitest variables of the run outside. */
const ENV: NodeJS.ProcessEnv = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !/^(npm_|VITEST|NODE_OPTIONS$|TSX_|INIT_CWD$)/i.test(k)),
);
Object.assign(ENV, { NO_COLOR: "1", CI: "1", npm_config_audit: "false", npm_config_fund: "false" });

interface Ran {
  readonly code: number | null;
  readonly out: string;
  readonly stdout: string;
}

/** Runs a command with a timeout; `out` is stdout and stderr, for assertion messages. */
function run(cmd: string, args: readonly string[], cwd: string, timeout = 120_000): Ran {
  const r: SpawnSyncReturns<string> = spawnSync(cmd, args, { cwd, env: ENV, encoding: "utf8", timeout });
  const out = `$ ${cmd} ${args.join(" ")} (in ${cwd})\n${r.stdout ?? ""}${r.stderr ?? ""}${r.error ? `\n${r.error.message}` : ""}`;
  return { code: r.status, out, stdout: r.stdout ?? "" };
}

/** Runs and expects exit code 0. */
function ok(cmd: string, args: readonly string[], cwd: string, timeout?: number): Ran {
  const r = run(cmd, args, cwd, timeout);
  expect(r.code, r.out).toBe(0);
  return r;
}

interface PackageJson {
  name: string;
  version: string;
  main?: string;
  types?: string;
  bin?: Record<string, string>;
  exports?: Record<string, string | Record<string, string>>;
  typesVersions?: Record<string, Record<string, string[]>>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

const WORKSPACES = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { workspaces: string[] })
  .workspaces;
const PACKAGES = WORKSPACES.map((w) => JSON.parse(readFileSync(join(ROOT, w, "package.json"), "utf8")) as PackageJson);
let tarballs: string[] = [];

beforeAll(() => {
  mkdirSync(TGZ, { recursive: true });
  const args = ["pack", "--pack-destination", TGZ, "--json", ...WORKSPACES.flatMap((w) => ["-w", w])];
  const r = ok("npm", args, ROOT, 180_000);
  const packed = JSON.parse(r.stdout) as { filename: string }[];
  tarballs = packed.map((p) => join(TGZ, p.filename.replace(/^@/, "").replace("/", "-")));
  for (const t of tarballs) expect(existsSync(t), t).toBe(true);
}, 200_000);

/** A tarball unpacked (once) into `base/unpacked/<name>`; returns the package directory. */
function unpacked(name: string): string {
  const dir = join(base, "unpacked", name.replace("/", "+"));
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true });
    const t = tarballs.find((f) => f.endsWith(`/${name.replace(/^@/, "").replace("/", "-")}-0.1.0.tgz`));
    expect(t, `tarball of ${name}`).toBeDefined();
    ok("tar", ["-xzf", t!, "-C", dir], base);
  }
  return join(dir, "package");
}

/** Every file of a directory, relative, with `/`. */
function filesOf(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) =>
      posix.join(
        ...join(e.parentPath, e.name)
          .slice(dir.length + 1)
          .split("/"),
      ),
    )
    .sort();
}

describe("the tarballs", () => {
  it.each(PACKAGES.map((p) => [p.name, p] as const))("%s holds what it needs and nothing of the tests", (name, pkg) => {
    const dir = unpacked(name);
    const files = filesOf(dir);
    for (const f of ["package.json", "README.md", "LICENSE"]) expect(files, `${name}: ${f}`).toContain(f);
    expect(readFileSync(join(dir, "LICENSE"), "utf8")).toContain("Apache License");
    if (name === "@wfc/sdk" || name === "@wfc/events") {
      expect(files).toContain("NOTICE");
      expect(readFileSync(join(dir, "NOTICE"), "utf8")).toContain("The Argo Authors");
      for (const f of ["schema/NOTICE.md", "schema/LICENSE-Apache-2.0.txt", "schema/jsonschema.json"])
        expect(files).toContain(f);
    }
    expect(files.filter((f) => /\.test(-d|-util)?\.ts$/.test(f))).toEqual([]);
    // every file the manifest points at is in the tarball
    const targets = [pkg.main, pkg.types, ...Object.values(pkg.bin ?? {})];
    for (const e of Object.values(pkg.exports ?? {})) targets.push(...(typeof e === "string" ? [e] : Object.values(e)));
    for (const m of Object.values(pkg.typesVersions ?? {})) for (const t of Object.values(m)) targets.push(...t);
    for (const t of targets.filter((x): x is string => !!x))
      expect(files, `${name}: ${t}`).toContain(posix.normalize(t.replace(/^\.\//, "")));
  });

  it.each(PACKAGES.map((p) => [p.name] as const))("%s ships the sources its source maps point at", (name) => {
    const dir = unpacked(name);
    const maps = filesOf(dir).filter((f) => f.endsWith(".map"));
    expect(maps.length, name).toBeGreaterThan(0);
    const missing: string[] = [];
    for (const m of maps) {
      const map = JSON.parse(readFileSync(join(dir, m), "utf8")) as {
        sources: string[];
        sourceRoot?: string;
        sourcesContent?: (string | null)[];
      };
      // A source is shipped as a file beside the map, or inside the map (`sourcesContent`: how the
      // SDK's bundle carries the zod and yaml code it bundles).
      map.sources.forEach((s, i) => {
        const p = join(dir, dirname(m), map.sourceRoot ?? "", s);
        if (!existsSync(p) && typeof map.sourcesContent?.[i] !== "string") missing.push(`${m} -> ${s}`);
      });
    }
    expect(missing).toEqual([]);
  });

  it("siblings depend on each other by caret range, which the packed versions satisfy; no file: or workspace: specs", () => {
    const versions = new Map(PACKAGES.map((p) => [p.name, p.version]));
    for (const p of PACKAGES)
      for (const [dep, range] of Object.entries({ ...p.dependencies, ...p.peerDependencies })) {
        expect(range, `${p.name} -> ${dep}`).not.toMatch(/^(file|workspace|link):/);
        const v = versions.get(dep);
        if (!v) continue;
        const [maj, min] = v.split(".");
        expect(range, `${p.name} -> ${dep}`).toBe(maj === "0" ? `^${maj}.${min}.0` : `^${maj}.0.0`);
      }
  });
});

/** The pipeline of the repositories under test: imports from the umbrella package only. */
const PIPELINE = `import { nodeScript, workflow, z } from "wfc";

export const randomNumber = nodeScript({
  result: z.number(),
  run: function randomNumber() {
    return Math.floor(Math.random() * 100);
  },
});

export const plusOne = nodeScript({
  inputs: { x: z.number() },
  result: z.number(),
  run: function plusOne({ x }) {
    return x + 1;
  },
});

export default workflow({ generateName: "hello-" }, () => {
  const n = randomNumber();
  plusOne({ x: n.result });
});
`;

/** A user's test of the pipeline with the harness. */
const USER_TEST = (from: string) => `import { mock, runTemplate, runWorkflow } from "wfc/testing";
import { describe, expect, it } from "vitest";
import hello, { plusOne, randomNumber } from "${from}";

describe("hello", () => {
  it("plusOne adds one", async () => {
    const node = await runTemplate(plusOne, { x: 41 });
    expect(node.result).toBe(42);
  });
  it("passes the random number on", async () => {
    const run = await runWorkflow(hello, { mocks: [mock(randomNumber, { result: 7 })] });
    expect(run.phase).toBe("Succeeded");
    expect(run.node(plusOne).result).toBe(8);
  });
});
`;

/**
 * A file importing every public entry, with type assertions that fail when a type is missing or
 * \`any\` (an unused \`@ts-expect-error\` is an error).
 */
const TYPE_CHECK = `import { compile, defineConfig, nodeScript, workflow, z } from "wfc";
import type { Workflow } from "wfc/argo";
import { sensor } from "wfc/events";
import { mock, runWorkflow } from "wfc/testing";
import { parseK8sYaml } from "wfc/yaml";
import { validateManifest } from "wfc/validate";
import type { WorkflowObject } from "@wfc/sdk";
import { synth } from "@wfc/sdk/testing";
import { runTemplate } from "@wfc/runner/testing";
import { main } from "@wfc/cli";
import { defineConfig as defineConfig2, type WfcConfig } from "@wfc/cli/config";

export const plusOne = nodeScript({
  inputs: { x: z.number() },
  result: z.number(),
  run: function plusOne({ x }) {
    return x + 1;
  },
});
const wf: WorkflowObject = workflow({ generateName: "t-" }, () => {
  plusOne({ x: 1 });
});
const config: WfcConfig = defineConfig({ argoVersion: "3.6", pipelines: ["pipelines/*.ts"] });
// @ts-expect-error argoVersion is a string enum, not a number
defineConfig2({ argoVersion: 3.6 });
// @ts-expect-error an unknown key
defineConfig({ namespce: "ci" });
// @ts-expect-error the mock's result must be a number
mock(plusOne, { result: "eight" });
const code: Promise<number> = main(["node", "wfc", "--version"]);
export const used = [compile(wf), config, sensor, runWorkflow, parseK8sYaml, validateManifest, synth, runTemplate, code];
export type W = Workflow["spec"];
`;

/** The four resolutions a user's tsconfig may have, with the module setting each needs. */
const RESOLUTIONS = [
  ["nodenext", "nodenext"],
  ["node16", "node16"],
  ["esnext", "bundler"],
  ["commonjs", "node10"],
] as const;

describe.each(["commonjs", "module"] as const)(
  "a fresh %s repository (npm init -y) with the tarballs installed",
  (type) => {
    const dir = join(base, `repo-${type}`);

    beforeAll(() => {
      mkdirSync(dir, { recursive: true });
      ok("npm", ["init", "-y"], dir);
      if (type === "module") ok("npm", ["pkg", "set", "type=module"], dir);
      const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { type?: string };
      expect(pkg.type ?? "commonjs").toBe(type);
      ok("npm", ["install", "--prefer-offline", ...tarballs, "typescript@~5.9.3", "vitest@^4.1.12"], dir, 300_000);
      mkdirSync(join(dir, "pipelines"));
      writeFileSync(join(dir, "pipelines/hello.ts"), PIPELINE);
      writeFileSync(join(dir, "pipelines/hello.mts"), PIPELINE);
      writeFileSync(join(dir, "pipelines/hello.test.ts"), USER_TEST("./hello.js"));
      writeFileSync(join(dir, "check.ts"), TYPE_CHECK);
      writeFileSync(join(dir, "check.mts"), TYPE_CHECK);
    }, 400_000);

    const builds = (file: string) => {
      const r = ok("npx", ["--no", "--", "wfc", "build", file], dir, 60_000);
      const docs = parseK8sYaml(r.stdout);
      expect(docs.map((d) => (d as { kind?: unknown }).kind)).toEqual(["Workflow"]);
      for (const d of docs) expect(validateManifest(d)).toEqual([]);
      const lint = ok("npx", ["--no", "--", "wfc", "lint", file], dir, 60_000);
      expect(lint.stdout).toContain(`${file}: ok (1 manifest)`);
    };

    it("npx wfc is the installed binary", () => {
      expect(ok("npx", ["--no", "--", "wfc", "--version"], dir).stdout.trim()).toBe(PACKAGES[0]?.version);
    });

    it("wfc build and wfc lint of an .mts pipeline", () => builds("pipelines/hello.mts"), 150_000);

    // In the commonjs repository this is the loader's case (issue 14's loader bullet, helper `load`):
    // a .ts file there is CommonJS to Node and tsx.
    it(
      `wfc build and wfc lint of a .ts pipeline${type === "commonjs" ? " (a .ts file in a commonjs package)" : ""}`,
      () => builds("pipelines/hello.ts"),
      150_000,
    );

    it.each(RESOLUTIONS)(
      "tsc --noEmit with --module %s --moduleResolution %s finds every entry, typed",
      (module, res) => {
        // In a commonjs package a .ts file is CommonJS: node16 resolution cannot import ES modules
        // from it (TS1479, as Node 16's require cannot), so there the check is a .mts file.
        const file = type === "commonjs" && res === "node16" ? "check.mts" : "check.ts";
        const args = ["--no", "--", "tsc", "--noEmit", "--strict", "--module", module, "--moduleResolution", res];
        // node10 with module commonjs: what `tsc --init` writes (zod's .d.cts files need esModuleInterop)
        if (res === "node10") args.push("--esModuleInterop");
        ok("npx", [...args, "--skipLibCheck", "--target", "es2022", file], dir, 170_000);
      },
      180_000,
    );

    // once is enough (the declaration files are the same in both repositories)
    if (type === "module")
      it("tsc --noEmit under nodenext without skipLibCheck: the packages' declaration files type-check too", () => {
        const args = [
          "--no",
          "--",
          "tsc",
          "--noEmit",
          "--strict",
          "--module",
          "nodenext",
          "--moduleResolution",
          "nodenext",
        ];
        ok("npx", [...args, "--target", "es2022", "check.ts"], dir, 170_000);
      }, 180_000);

    it("a user's vitest test of the pipeline with the harness (wfc/testing) passes", () => {
      const r = ok("npx", ["--no", "--", "vitest", "run"], dir, 120_000);
      expect(r.out).toMatch(/Tests\s+2 passed/);
    }, 150_000);
  },
);

describe("wfc init demo && cd demo && npm install <tarballs> && npm test && npx wfc build", () => {
  it("works from the tarballs alone", () => {
    const home = join(base, "init");
    mkdirSync(home);
    const wfc = join(base, "repo-module/node_modules/.bin/wfc");
    expect(existsSync(wfc), "the ESM repository's wfc").toBe(true);
    ok(wfc, ["init", "demo"], home, 60_000);
    const demo = join(home, "demo");
    ok("npm", ["install", "--prefer-offline", ...tarballs], demo, 300_000);
    const test = ok("npm", ["test"], demo, 120_000);
    expect(test.out).toMatch(/Tests\s+2 passed/);
    const build = ok("npx", ["--no", "--", "wfc", "build"], demo, 60_000);
    expect(build.out).toContain("wrote 1 manifest to manifests");
    const docs = parseK8sYaml(readFileSync(join(demo, "manifests/workflow-hello.yaml"), "utf8"));
    expect(docs.map((d) => (d as { kind?: unknown }).kind)).toEqual(["Workflow"]);
    for (const d of docs) expect(validateManifest(d)).toEqual([]);
    expect(ok("npm", ["run", "lint"], demo, 120_000).stdout).toContain("pipelines/hello.ts: ok (1 manifest)");
  }, 600_000);
});
