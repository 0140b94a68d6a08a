// `wfc lint`, `wfc build` and `wfc import` agree on what is invalid: the same broken workflow,
// written in TypeScript (build) and as YAML (lint, import), is rejected by all three with the same
// code. The checks live once in the SDK (validate/semantics.ts over core/depends.ts and
// core/dependencies.ts); the compiler runs them on what it emits.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { importManifests } from "@wfc/import";
import {
  CompileError,
  compile,
  container,
  cronWorkflow,
  parseK8sYaml,
  semanticIssues,
  validateManifest,
  type WorkflowObject,
  workflow,
  z,
} from "@wfc/sdk";
import { afterAll, describe, expect, it } from "vitest";
import { wfc } from "../helpers.js";

const echo = container(
  { name: "echo", inputs: { msg: z.string().default("") } },
  { image: "alpine", command: ["echo"] },
);

const needsMsg = container({ name: "echo", inputs: { msg: z.string() } }, { image: "alpine", command: ["echo"] });

/**
 * Each case: a TypeScript workflow (what build sees), the YAML a hand-writer would write, the code all agree on.
 * `build` is absent where the SDK cannot express the mistake at all (a template without a name).
 */
const cases: { name: string; code: string; build?: () => WorkflowObject; yaml: string }[] = [
  {
    name: "a Workflow name over 63 characters",
    code: "E_NAME_TOO_LONG",
    build: () =>
      workflow({ name: "w".repeat(64) }, () => {
        echo({});
      }),
    yaml: dagYaml("w".repeat(64), [{ name: "a", template: "echo" }]),
  },
  {
    name: "a CronWorkflow name over 52 characters",
    code: "E_NAME_TOO_LONG",
    build: () =>
      cronWorkflow({ name: "c".repeat(53), schedules: ["0 2 * * *"] }, () => {
        echo({});
      }),
    yaml: JSON.stringify({
      apiVersion: "argoproj.io/v1alpha1",
      kind: "CronWorkflow",
      metadata: { name: "c".repeat(53) },
      spec: {
        schedules: ["0 2 * * *"],
        workflowSpec: JSON.parse(dagYaml("x", [{ name: "a", template: "echo" }])).spec,
      },
    }),
  },
  {
    name: "a required input no caller supplies",
    code: "E_MISSING_INPUT",
    build: () =>
      workflow({ name: "unsupplied" }, () => {
        needsMsg({} as never, { name: "a" });
      }),
    yaml: JSON.stringify({
      apiVersion: "argoproj.io/v1alpha1",
      kind: "Workflow",
      metadata: { name: "unsupplied" },
      spec: {
        entrypoint: "main",
        templates: [
          { name: "main", dag: { tasks: [{ name: "a", template: "echo" }] } },
          { name: "echo", inputs: { parameters: [{ name: "msg" }] }, container: { image: "alpine" } },
        ],
      },
    }),
  },
  {
    name: "a template without a name",
    code: "E_NO_NAME",
    yaml: JSON.stringify({
      apiVersion: "argoproj.io/v1alpha1",
      kind: "Workflow",
      metadata: { name: "nameless" },
      spec: {
        entrypoint: "main",
        templates: [{ name: "main", container: { image: "alpine" } }, { container: { image: "alpine" } }],
      },
    }),
  },
  {
    name: "a dependency cycle",
    code: "E_CYCLE",
    build: () =>
      workflow({ name: "cycle" }, () => {
        const a = echo({ msg: "{{tasks.b.outputs.result}}" }, { name: "a" });
        echo({ msg: a.result }, { name: "b" });
      }),
    yaml: dagYaml("cycle", [
      { name: "a", template: "echo", depends: "b" },
      { name: "b", template: "echo", depends: "a" },
    ]),
  },
  {
    name: "an unknown task in depends",
    code: "E_UNKNOWN_TASK",
    build: () =>
      workflow({ name: "unknown-task" }, () => {
        echo({}, { name: "a", extra: { depends: "nope" } as never });
      }),
    yaml: dagYaml("unknown-task", [{ name: "a", template: "echo", depends: "nope" }]),
  },
  {
    name: "an unknown task in a hand-written reference",
    code: "E_UNKNOWN_TASK",
    build: () =>
      workflow({ name: "unknown-ref" }, () => {
        echo({ msg: "{{tasks.nope.outputs.result}}" }, { name: "a" });
      }),
    yaml: dagYaml("unknown-ref", [
      {
        name: "a",
        template: "echo",
        arguments: { parameters: [{ name: "msg", value: "{{tasks.nope.outputs.result}}" }] },
      },
    ]),
  },
  {
    name: "bad depends syntax",
    code: "E_DEPENDS_SYNTAX",
    build: () =>
      workflow({ name: "bad-syntax" }, () => {
        echo({}, { name: "a" });
        echo({}, { name: "b", extra: { depends: "a &&" } as never });
      }),
    yaml: dagYaml("bad-syntax", [
      { name: "a", template: "echo" },
      { name: "b", template: "echo", depends: "a &&" },
    ]),
  },
];

function dagYaml(name: string, tasks: Record<string, unknown>[]): string {
  return JSON.stringify({
    apiVersion: "argoproj.io/v1alpha1",
    kind: "Workflow",
    metadata: { name },
    spec: {
      entrypoint: "main",
      templates: [
        { name: "main", dag: { tasks } },
        {
          name: "echo",
          inputs: { parameters: [{ name: "msg", value: "" }] },
          container: { image: "alpine", command: ["echo"] },
        },
      ],
    },
  });
}

function buildCodes(wf: WorkflowObject): string[] {
  try {
    compile(wf);
  } catch (e) {
    if (e instanceof CompileError) return e.diagnostics.map((d) => d.code);
    throw e;
  }
  return [];
}

describe.each(cases)("$name", ({ code, build, yaml }) => {
  it.skipIf(!build)(`build rejects it with ${code}`, () => {
    expect(buildCodes(build!())).toContain(code);
  });

  it(`lint rejects the YAML with ${code} (and the CRD schema accepts it: only the semantic check sees it)`, () => {
    const [m] = parseK8sYaml(yaml);
    expect(validateManifest(m)).toEqual([]);
    expect(semanticIssues(m).map((i) => i.code)).toContain(code);
  });

  it("import rejects the YAML, with the same message", () => {
    const [m] = parseK8sYaml(yaml);
    const message = semanticIssues(m).find((i) => i.code === code)!.message;
    expect(() => importManifests(yaml, "bad.yaml")).toThrow(message);
  });
});

describe("the real CLI", () => {
  const dir = mkdtempSync(join(tmpdir(), "wfc-agree-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("wfc lint rejects the YAML, wfc build and wfc lint reject the module, with the same message", () => {
    const file = join(dir, "bad.yaml");
    writeFileSync(file, cases.find((c) => c.code === "E_DEPENDS_SYNTAX")!.yaml);
    const message = 'depends "a &&": expected a task name but the expression ends at position 4';
    const lintYaml = wfc(["lint", file]);
    expect(lintYaml.code).toBe(1);
    expect(lintYaml.stderr).toContain(message);
    for (const cmd of ["build", "lint"]) {
      const r = wfc([cmd, "test/fixtures/bad-depends.ts"]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(message);
      expect(r.stderr).toContain("[E_DEPENDS_SYNTAX]");
    }
  });

  it.each(cases.slice(0, 4))("wfc lint and wfc import refuse $name (exit 1, same message)", ({ code, yaml }) => {
    const file = join(dir, `${code}.yaml`);
    writeFileSync(file, yaml);
    const [m] = parseK8sYaml(yaml);
    const message = semanticIssues(m).find((i) => i.code === code)!.message;
    for (const args of [
      ["lint", file],
      ["import", file],
    ]) {
      const r = wfc(args);
      expect(r.code, args.join(" ")).toBe(1);
      expect(r.stderr).toContain(message);
    }
  });
});
