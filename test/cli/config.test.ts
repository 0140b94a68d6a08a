// The project configuration (wfc.config.ts/.mjs/.js/.json or package.json#wfc) through the real
// binary: found from a subdirectory, pipelines as the default inputs, outputDir for the project
// build, the registry prefix, the default namespace, flags winning, and E_CONFIG errors naming the
// file and the key.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseK8sYaml } from "@wfc/sdk";
import { Command, Option } from "commander";
import { afterAll, describe, expect, it } from "vitest";
import { applyConfigDefaults } from "../../packages/cli/src/config/apply-config.js";
import { ROOT, wfc } from "../helpers.js";

const base = mkdtempSync(join(tmpdir(), "wfc-config-"));
afterAll(() => rmSync(base, { recursive: true, force: true }));

const PIPELINE = `import { container, workflow } from "@wfc/sdk";

export const hub = container({ name: "hub" }, () => ({ image: "alpine:3.20", command: ["true"] }));
export const org = container({ name: "org" }, () => ({ image: "myorg/app:1", command: ["true"] }));
export const ghcr = container({ name: "ghcr" }, () => ({ image: "ghcr.io/org/tool:1", command: ["true"] }));
export const local = container({ name: "local" }, () => ({ image: "localhost:5000/x", command: ["true"] }));

export default workflow({ generateName: "images-" }, () => {
  hub();
  org();
  ghcr();
  local();
});
`;

/** A project directory: package.json (type module), node_modules of this repository, files. */
function project(name: string, files: Record<string, string>): string {
  const dir = join(base, name);
  mkdirSync(join(dir, ".git"), { recursive: true }); // the search stops at the repository's root
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));
  const all: Record<string, string> = { "package.json": '{ "type": "module" }\n', ...files };
  for (const [f, text] of Object.entries(all)) {
    mkdirSync(join(dir, f, ".."), { recursive: true });
    writeFileSync(join(dir, f), text);
  }
  return dir;
}

const images = (yaml: string) =>
  (parseK8sYaml(yaml) as { spec: { templates: { container?: { image: string } }[] } }[]).flatMap((m) =>
    m.spec.templates.flatMap((t) => (t.container ? [t.container.image] : [])),
  );

describe("a wfc.config.json found from a subdirectory", () => {
  const dir = project("json", {
    "wfc.config.json": JSON.stringify({
      pipelines: ["pipelines/**/*.mjs"],
      outputDir: "out/manifests",
      imageRegistry: "registry.example.com/mirror",
    }),
    "pipelines/images.mjs": PIPELINE,
    "pipelines/images.test.mjs": "throw new Error('a test file is not a pipeline');\n",
    "pipelines/team/hello.mjs": PIPELINE.replace('generateName: "images-"', 'name: "team-hello"'),
  });
  const sub = join(dir, "pipelines/team");

  it("wfc build with no FILE builds the pipelines globs into outputDir (relative to the config file)", () => {
    const r = wfc(["build"], { cwd: sub });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("wrote 2 manifests to ../../out/manifests");
    expect(readdirSync(join(dir, "out/manifests")).sort()).toEqual([
      "workflow-images.yaml",
      "workflow-team-hello.yaml",
    ]);
  });

  it("imageRegistry prefixes the images that name no registry, and only those", () => {
    const yaml = readFileSync(join(dir, "out/manifests/workflow-images.yaml"), "utf8");
    expect(images(yaml)).toEqual([
      "registry.example.com/mirror/alpine:3.20",
      "registry.example.com/mirror/myorg/app:1",
      "ghcr.io/org/tool:1",
      "localhost:5000/x",
    ]);
  });

  it("with a FILE, build prints to stdout (outputDir is for the project build); -d wins over outputDir", () => {
    const r = wfc(["build", "hello.mjs"], { cwd: sub });
    expect(r.code, r.stderr).toBe(0);
    expect(images(r.stdout)[0]).toBe("registry.example.com/mirror/alpine:3.20");
    const d = wfc(["build", "-d", "elsewhere"], { cwd: dir });
    expect(d.code, d.stderr).toBe(0);
    expect(readdirSync(join(dir, "elsewhere")).sort()).toEqual(["workflow-images.yaml", "workflow-team-hello.yaml"]);
  });

  it("wfc lint and wfc graph with no FILE use the pipelines globs (test files never match)", () => {
    const l = wfc(["lint"], { cwd: dir });
    expect(l.code, l.stderr).toBe(0);
    expect(l.stdout).toBe("pipelines/images.mjs: ok (1 manifest)\npipelines/team/hello.mjs: ok (1 manifest)\n");
    const g = wfc(["graph"], { cwd: dir });
    expect(g.code, g.stderr).toBe(0);
    expect(g.stdout).toMatch(/^flowchart TD\n/);
  });
});

describe("docs/install.md's wfc.config.ts", () => {
  it("is a configuration wfc accepts, and it does what the page says", () => {
    const doc = readFileSync(join(ROOT, "docs/install.md"), "utf8");
    const code = [...doc.matchAll(/```ts\n([\s\S]*?)```/g)]
      .map((m) => m[1]!)
      .find((c) => c.startsWith("// wfc.config.ts"));
    expect(code).toBeDefined();
    const dir = project("docs", { "wfc.config.ts": code!, "pipelines/ingest/images.ts": PIPELINE });
    const r = wfc(["build"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("wrote 1 manifest to manifests");
    const yaml = readFileSync(join(dir, "manifests/workflow-images.yaml"), "utf8");
    expect(images(yaml).slice(0, 2)).toEqual([
      "registry.example.com/mirror/alpine:3.20",
      "registry.example.com/mirror/myorg/app:1",
    ]);
  });
});

describe("namespace", () => {
  const dir = project("namespace", {
    "package.json": JSON.stringify({ type: "module", wfc: { namespace: "ci" } }),
    "prod.mjs": PIPELINE.replace('generateName: "images-"', 'generateName: "images-", namespace: "prod"'),
  });

  it("is the default of -n (package.json#wfc), and -n wins over it", () => {
    const r = wfc(["submit", "prod.mjs", "--dry-run=client"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('the manifest\'s namespace "prod" does not match --namespace ci');
    const flag = wfc(["submit", "prod.mjs", "--dry-run=client", "-n", "prod"], { cwd: dir });
    expect(flag.code, flag.stderr).toBe(0);
    expect(flag.stdout).toBe("workflow.argoproj.io/images- created (dry run)\n");
  });
});

describe("config files in every form", () => {
  it("wfc.config.ts with defineConfig from wfc, and wfc.config.mjs", () => {
    const ts = project("ts", {
      "wfc.config.ts": `import { defineConfig } from "wfc";\nexport default defineConfig({ pipelines: ["*.mjs"], outputDir: "m" });\n`,
      "a.mjs": PIPELINE,
    });
    expect(wfc(["build"], { cwd: ts }).stderr).toContain("wrote 1 manifest to m");
    const mjs = project("mjs", {
      "wfc.config.mjs": `export default { pipelines: ["*.mjs"], imageRegistry: "localhost:5000" };\n`,
      "a.mjs": PIPELINE,
    });
    const r = wfc(["build"], { cwd: mjs });
    expect(r.code, r.stderr).toBe(0);
    expect(images(r.stdout)[0]).toBe("localhost:5000/alpine:3.20");
  });

  it("wrong values are E_CONFIG errors naming the file and each key", () => {
    const dir = project("bad", {
      "wfc.config.json": JSON.stringify({
        nmespace: "ci",
        argoVersion: 3.6,
        imageRegistry: "myorg",
        pipelines: [],
      }),
      "a.mjs": PIPELINE,
    });
    const r = wfc(["build", "a.mjs"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    const lines = r.stderr.trim().split("\n");
    expect(lines[0]).toMatch(/^error: wfc\.config\.json: /);
    expect(r.stderr).toContain('wfc.config.json: argoVersion: write the version as a string: "3.6"');
    expect(r.stderr).toContain("wfc.config.json: imageRegistry: must be a registry host");
    expect(r.stderr).toContain("wfc.config.json: pipelines: must list at least one glob");
    expect(r.stderr).toContain("wfc.config.json: nmespace: unknown key (known: namespace, imageRegistry");
    expect(lines.at(-1)).toMatch(/\[E_CONFIG\]$/);
  });

  it("package.json#wfc errors say wfc.<key>; a .ts config that does not type as a config is checked when loaded", () => {
    const pkg = project("pkg-bad", {
      "package.json": JSON.stringify({ type: "module", wfc: { namespace: "Not_DNS" } }),
      "a.mjs": PIPELINE,
    });
    const r = wfc(["lint", "a.mjs"], { cwd: pkg });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("package.json: wfc.namespace: must be a DNS-1123 label");
    const ts = project("ts-bad", {
      "wfc.config.ts": `export default { argoVersion: "3.4" };\n`,
      "a.mjs": PIPELINE,
    });
    const t = wfc(["build", "a.mjs"], { cwd: ts });
    expect(t.code).toBe(1);
    expect(t.stderr).toContain(
      'wfc.config.ts: argoVersion: must be one of "3.5", "3.6", "3.7", "4.0", "4.1" [E_CONFIG]',
    );
  });

  it("two configurations in one directory, a config without a default export, no inputs at all (usage, exit 2)", () => {
    const two = project("two", {
      "wfc.config.json": "{}",
      "wfc.config.mjs": "export default {};\n",
      "a.mjs": PIPELINE,
    });
    const r = wfc(["build", "a.mjs"], { cwd: two });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /more than one wfc configuration \(wfc\.config\.mjs, wfc\.config\.json\); keep one \[E_CONFIG\]/,
    );
    const noDefault = project("no-default", { "wfc.config.mjs": "export const x = 1;\n", "a.mjs": PIPELINE });
    expect(wfc(["build", "a.mjs"], { cwd: noDefault }).stderr).toContain(
      "wfc.config.mjs: has no default export (write: export default defineConfig({ ... })) [E_CONFIG]",
    );
    const none = project("none", { "a.mjs": PIPELINE });
    const n = wfc(["build"], { cwd: none });
    expect(n.code).toBe(2); // a usage error, as before there was a configuration
    expect(n.stderr).toContain("wfc build: no FILE given and no `pipelines` in a wfc configuration (none found");
    const empty = project("empty-glob", { "wfc.config.json": '{ "pipelines": ["nothing/*.ts"] }' });
    expect(wfc(["lint"], { cwd: empty }).stderr).toContain("wfc.config.json: pipelines: nothing/*.ts match no file");
  });

  it("wfc init and wfc import do not read the configuration (a broken one does not stop them)", () => {
    const dir = project("init-ignores", { "wfc.config.json": '{ "nope": 1 }' });
    const r = wfc(["init", "fresh"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
  });
});

describe("argoVersion is the default of --argo-version", () => {
  /** A command like build's, with an --argo-version option defaulting to 4.1. */
  const command = () =>
    new Command("build")
      .exitOverride()
      .addOption(new Option("--argo-version <v>").default("4.1"))
      .option("-n, --namespace <ns>")
      .action(() => {});
  const project = { config: { argoVersion: "3.6", namespace: "ci" }, file: "/p/wfc.config.ts", dir: "/p" } as const;

  it("sets the option's value with source config when the command line did not give it", async () => {
    const cmd = command();
    cmd.parse([], { from: "user" });
    await applyConfigDefaults(cmd, project);
    expect(cmd.opts()).toEqual({ argoVersion: "3.6", namespace: "ci" });
    expect(cmd.getOptionValueSource("argoVersion")).toBe("config");
  });

  it("a flag wins", async () => {
    const cmd = command();
    cmd.parse(["--argo-version", "4.0", "-n", "prod"], { from: "user" });
    await applyConfigDefaults(cmd, project);
    expect(cmd.opts()).toEqual({ argoVersion: "4.0", namespace: "prod" });
  });

  it("wfc build of a CronWorkflow follows the config's argoVersion (schedule for 3.5: schedules came in 3.6)", () => {
    const dir = join(base, "argo-version");
    mkdirSync(dir);
    symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));
    writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module", wfc: { argoVersion: "3.5" } }));
    writeFileSync(join(dir, "cron.ts"), readFileSync(join(ROOT, "examples/cron.ts"), "utf8"));
    const r = wfc(["build", "cron.ts"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/\n {2}schedule: /);
    expect(wfc(["build", "cron.ts", "--argo-version", "4.1"], { cwd: dir }).stdout).toMatch(/\n {2}schedules:\n/);
  });
});
