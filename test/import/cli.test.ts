import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ImportError, importManifests } from "@wfc/import";
import { YamlError } from "@wfc/sdk";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, wfc } from "../helpers.js";

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), "wfc-import-"));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const HELLO = `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  generateName: hello-
spec:
  entrypoint: main
  templates:
  - name: main
    container:
      image: busybox
      command: [echo, hi]
`;

describe("importManifests", () => {
  it("generates a module importing from @wfc/sdk only", () => {
    const ts = importManifests(HELLO, "hello.yaml");
    expect(ts).toContain('from "@wfc/sdk"');
    expect(ts).toContain('const main = container({ name: "main" }, { image: "busybox", command: ["echo", "hi"] });');
    expect(ts).toContain('export default workflow({ generateName: "hello-", entrypoint: main });');
  });

  it("is deterministic", () => {
    const text = readFileSync("vendor/argo/examples/dag-diamond.yaml", "utf8");
    expect(importManifests(text, "x.yaml")).toBe(importManifests(text, "x.yaml"));
  });

  it("wires task outputs as references and does not repeat the dependency they imply", () => {
    const ts = importManifests(
      readFileSync("vendor/argo/examples/artifact-passing.yaml", "utf8"),
      "artifact-passing.yaml",
    );
    expect(ts).toMatch(/\{ message: generateArtifact\.outputs\["hello-art"\] \}/);
  });

  it("reports YAML errors with line and column", () => {
    expect(() => importManifests("a: [1,\n", "bad.yaml")).toThrow(YamlError);
    expect(() => importManifests("a: [1,\n", "bad.yaml")).toThrow(/^bad\.yaml:2:1: /);
  });

  it("rejects kinds it does not import, and manifests Argo would reject, with positions", () => {
    expect(() => importManifests("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n", "cm.yaml")).toThrow(
      /cm\.yaml:2:1: kind "ConfigMap"/,
    );
    const bad = HELLO.replace("image: busybox", "image: busybox\n      comand: [x]");
    expect(() => importManifests(bad, "wf.yaml")).toThrow(ImportError);
    expect(() => importManifests(bad, "wf.yaml")).toThrow(
      /wf\.yaml:11:7: spec\.templates\[0\]\.container\.comand: unknown field/,
    );
    expect(() => importManifests("", "empty.yaml")).toThrow(/no manifests/);
  });
});

describe("wfc import", () => {
  it("prints TypeScript, or writes it with -o", () => {
    const r = wfc(["import", "vendor/argo/examples/steps.yaml"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("parallel(() => {");
    const out = join(tmp(), "steps.ts");
    const w = wfc(["import", "vendor/argo/examples/steps.yaml", "-o", out]);
    expect(w.code).toBe(0);
    expect(readFileSync(out, "utf8")).toBe(r.stdout);
  });

  it("reads standard input with -", () => {
    const r = wfc(["import", "-"], { input: HELLO });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("export default workflow(");
  });

  it("fails with a clear error, a non-zero exit and no file for bad input", () => {
    const dir = tmp();
    const cases: [string, RegExp][] = [
      ["a: [1,\n", /^error: <stdin>:2:1: /],
      ["apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n", /kind "ConfigMap"/],
      [
        HELLO.replace("image: busybox", "image: 1"),
        /<stdin>:10:7: spec\.templates\[0\]\.container\.image: must be of type string/,
      ],
    ];
    for (const [input, msg] of cases) {
      const out = join(dir, "out.ts");
      const r = wfc(["import", "-", "-o", out], { input });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(msg);
      expect(existsSync(out)).toBe(false);
    }
    const missing = wfc(["import", join(dir, "nope.yaml")]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/cannot read .*nope\.yaml: no such file/);
  });

  it("keeps an existing output file when the import fails", () => {
    const out = join(tmp(), "keep.ts");
    writeFileSync(out, "// mine\n");
    const r = wfc(["import", "-", "-o", out], { input: "kind: Nope\n" });
    expect(r.code).toBe(1);
    expect(readFileSync(out, "utf8")).toBe("// mine\n");
  });
});

describe("wfc import: live objects, pre-v4 forms, directories (issue 13)", () => {
  it("says in one line what it dropped from a kubectl dump, and keeps it with --keep-server-fields", () => {
    const dump = "test/import/fixtures/live/workflow-get.yaml";
    const r = wfc(["import", dump]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /^note: test\/import\/fixtures\/live\/workflow-get\.yaml: Workflow\/hello-x7k2p: dropped server-set fields \(status, /m,
    );
    expect(r.stdout).not.toContain('uid: "7c1f3e0a');
    const kept = wfc(["import", dump, "--keep-server-fields"]);
    expect(kept.code).toBe(0);
    expect(kept.stdout).toContain('uid: "7c1f3e0a-5d1b-4c51-9f0e-3d2a1b0c9e8f"');
    expect(kept.stderr).not.toMatch(/metadata\.uid/);
  });

  it("imports a directory, one module per file, templateRefs between them as imports, and a summary", async () => {
    const dir = tmp();
    const lib = `apiVersion: argoproj.io/v1alpha1
kind: WorkflowTemplate
metadata:
  name: lib
spec:
  templates:
    - name: say
      inputs:
        parameters:
          - name: msg
      container:
        image: busybox
        args: ["{{inputs.parameters.msg}}"]
`;
    const main = `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  generateName: main-
spec:
  entrypoint: main
  templates:
    - name: main
      steps:
        - - name: hi
            templateRef:
              name: lib
              template: say
            arguments:
              parameters:
                - name: msg
                  value: hi
`;
    mkdirSync(join(dir, "in", "flows"), { recursive: true });
    writeFileSync(join(dir, "in", "lib.yaml"), lib);
    writeFileSync(join(dir, "in", "flows", "main.yaml"), main);
    writeFileSync(join(dir, "in", "flows", "bad.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n");
    // Inside the repository, where the generated modules resolve @wfc/sdk.
    const out = join(ROOT, "test/import/.out/dir-import");
    rmSync(out, { recursive: true, force: true });
    const r = wfc(["import", join(dir, "in"), "-o", out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`imported 2 of 3 files into ${out}`);
    expect(r.stderr).toMatch(
      /error: refused 1 of 3 files:\n {2}flows\/bad\.yaml: \[E_IMPORT_INVALID\] flows\/bad\.yaml:2:1: kind "ConfigMap"/,
    );
    const mainTs = readFileSync(join(out, "flows", "main.ts"), "utf8");
    expect(mainTs).toContain('import { default as lib } from "../lib.js";');
    expect(mainTs).toContain('templateRef(lib, "say", { inputs: { msg: z.string() } })');
    expect(existsSync(join(out, "lib.ts"))).toBe(true);
    expect(existsSync(join(out, "flows", "bad.ts"))).toBe(false);
    // The generated modules build back to the input.
    const { compile, isWorkflow, k8sEqual, parseK8sYaml } = await import("@wfc/sdk");
    const built = (await import(pathToFileURL(join(out, "flows", "main.ts")).href)) as Record<string, unknown>;
    const wf = Object.values(built).find(isWorkflow)!;
    expect(k8sEqual(parseK8sYaml(main, "main.yaml"), [compile(wf)]).diffs).toEqual([]);
  });

  it("needs -o for a directory", () => {
    const r = wfc(["import", "test/import/fixtures/hera"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/is a directory: give the output directory with -o/);
  });
});

describe("loading", () => {
  const trace = (args: string[]): string[] => {
    const file = join(tmp(), "loads.txt");
    writeFileSync(file, "");
    const tracer = pathToFileURL(join(ROOT, "test/import/fixtures/trace-loads.mjs")).href;
    const r = wfc(args, { env: { WFC_TRACE_FILE: file, NODE_OPTIONS: `--import=${tracer}` } });
    expect(r.stderr).not.toMatch(/Error/);
    expect(r.code).toBe(0);
    return readFileSync(file, "utf8").split("\n").filter(Boolean);
  };
  const importer = (urls: string[]) => urls.filter((u) => u.includes("/packages/import/"));

  it("wfc build never loads @wfc/import; wfc import does", () => {
    const build = trace(["build", "examples/quickstart.ts", "-d", join(tmp(), "out")]);
    expect(build.some((u) => u.includes("/packages/sdk/"))).toBe(true); // the trace sees the SDK
    expect(importer(build)).toEqual([]);
    expect(importer(trace(["import", "vendor/argo/examples/steps.yaml"])).length).toBeGreaterThan(0);
  });
});
