import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseK8sYaml, validateManifest } from "@wfc/sdk";
import { afterAll, describe, expect, it } from "vitest";
import { wfc } from "../helpers.js";

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), "wfc-cli-"));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe("wfc build", () => {
  it("prints every exported workflow as a multi-document YAML stream, in the order the module defines them", () => {
    const r = wfc(["build", "test/fixtures/two-workflows.ts"]);
    expect(r.code).toBe(0);
    const docs = parseK8sYaml(r.stdout) as { kind: string; metadata: Record<string, string> }[];
    expect(docs.map((d) => `${d.kind}/${d.metadata.name ?? d.metadata.generateName}`)).toEqual([
      "WorkflowTemplate/shared-hello",
      "Workflow/hello-",
    ]);
    expect(r.stdout).toMatch(/\n---\n/);
  });

  it("every fixture that builds emits manifests that pass the full CRD schema", () => {
    for (const f of ["test/fixtures/two-workflows.ts"]) {
      const r = wfc(["build", f]);
      expect(r.code).toBe(0);
      for (const m of parseK8sYaml(r.stdout)) expect(validateManifest(m)).toEqual([]);
    }
  });

  it("builds several files in the order given", () => {
    const r = wfc(["build", "examples/cron.ts", "examples/quickstart.ts"]);
    expect(r.code).toBe(0);
    expect((parseK8sYaml(r.stdout) as { kind: string }[]).map((d) => d.kind)).toEqual(["CronWorkflow", "Workflow"]);
  });

  it("-o json prints JSON (a List for several manifests)", () => {
    const one = wfc(["build", "examples/cron.ts", "-o", "json"]);
    expect(JSON.parse(one.stdout).kind).toBe("CronWorkflow");
    const many = wfc(["build", "test/fixtures/two-workflows.ts", "--format", "json"]);
    expect(JSON.parse(many.stdout)).toMatchObject({
      kind: "List",
      items: [{ kind: "WorkflowTemplate" }, { kind: "Workflow" }],
    });
  });

  it("-d writes one file per manifest named <kind>-<name>.yaml", () => {
    const out = tmp();
    const r = wfc(["build", "test/fixtures/two-workflows.ts", "examples/cron.ts", "-d", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(readdirSync(out).sort()).toEqual([
      "cronworkflow-nightly-backup.yaml",
      "workflow-hello.yaml",
      "workflowtemplate-shared-hello.yaml",
    ]);
    expect(readFileSync(join(out, "workflow-hello.yaml"), "utf8")).toContain("generateName: hello-");
  });

  it("a compile error names the workflow, the task and file:line, exits 1 and writes nothing", () => {
    const out = join(tmp(), "never");
    const r = wfc(["build", "test/fixtures/bad-input.ts", "-d", out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(
      /bad-input\.ts:11:3: Workflow\/bad-input, template main, task scale: input "replicas" of template "scale": 0 fails its schema/,
    );
    expect(existsSync(out)).toBe(false);
  });

  it("a missing file or a file without workflows is a clear error with exit 1", () => {
    const missing = wfc(["build", "nope.ts"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nope\.ts: no such file/);
    const none = wfc(["build", "test/helpers.ts"]);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/exports no workflow/);
  });

  it("usage errors exit 2", () => {
    expect(wfc(["build"]).code).toBe(2);
    expect(wfc(["build", "x.ts", "--format", "xml"]).code).toBe(2);
    expect(wfc(["build", "x.ts", "-o", "xml"]).code).toBe(2);
    expect(wfc(["frobnicate"]).code).toBe(2);
  });

  it("--help and --version exit 0 on stdout", () => {
    for (const args of [["--help"], ["build", "--help"], ["lint", "--help"], ["graph", "--help"]]) {
      const r = wfc(args);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Usage: wfc/);
    }
    expect(wfc(["--version"]).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe("wfc lint", () => {
  it("passes valid TypeScript and YAML", () => {
    const r = wfc(["lint", "examples/etl.ts", "examples/golden/etl.yaml"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("ok");
  });

  it("reports schema and semantic problems with their paths and exits 1", () => {
    const r = wfc(["lint", "test/fixtures/unknown-field.yaml"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Workflow/typo-, template other: spec.templates[1].container.comand: unknown field");
    expect(r.stderr).toContain('spec.templates[0].dag.tasks[0].template: template "missing" does not exist');
  });

  it("reports YAML syntax errors with line and column", () => {
    const r = wfc(["lint", "test/fixtures/not-yaml.yaml"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/not-yaml\.yaml:\d+:\d+/);
  });

  it("reports compile errors of TypeScript files", () => {
    const r = wfc(["lint", "test/fixtures/bad-input.ts"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("E_INVALID_ARGUMENT");
  });
});

describe("wfc graph", () => {
  it("prints Mermaid by default", () => {
    const r = wfc(["graph", "examples/etl.ts"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^flowchart TD\n/);
    expect(r.stdout).toContain("main__extract --> main__transform");
    expect(r.stdout).toContain("main__transform --> main__load");
  });

  it("prints Graphviz dot with --format dot", () => {
    const r = wfc(["graph", "examples/etl.ts", "--format", "dot"]);
    expect(r.stdout).toMatch(/^digraph workflows \{/);
    expect(r.stdout).toContain("main__extract -> main__transform;");
  });
});

describe("wfc build: errors in the user's module", () => {
  it("a template called outside a body names the file and line", () => {
    const r = wfc(["build", "test/fixtures/outside-body.ts"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^error: test\/fixtures\/outside-body\.ts:7:1: hello was called outside a workflow, dag\(\) or steps\(\) body/,
    );
  });

  it("an exception thrown while loading names the user's line", () => {
    const r = wfc(["build", "test/fixtures/throws.ts"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: test\/fixtures\/throws\.ts:4:7: failed to load: cannot read the config/);
  });

  it("a TypeScript syntax error is reported with its position", () => {
    const r = wfc(["build", "test/fixtures/syntax-error.ts"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/syntax-error\.ts:3:\d+: syntax error: /);
  });
});
