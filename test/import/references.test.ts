import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ImportError, importManifests } from "@wfc/import";
import { compile, isWorkflow, k8sEqual, parseK8sYaml } from "@wfc/sdk";
import { describe, expect, it } from "vitest";
import { ROOT } from "./harness.js";

// Beside the round trip's files (test/import/.out/upstream, which it empties), not among them.
const OUT = join(ROOT, "test/import/.out/references");

// Task references and dependencies in imported DAGs follow the SDK's one definition of them
// (@wfc/sdk/internal: the task-reference grammar, the depends grammar, the dependency rules).

/** A Workflow whose `main` DAG has the given tasks (YAML, indented under `tasks:`), calling a one-input container `t`. */
const wf = (tasks: string): string => `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  generateName: t-
spec:
  entrypoint: main
  templates:
    - name: main
      dag:
        tasks:
${tasks}    - name: t
      inputs:
        parameters:
          - name: x
      container:
        image: busybox
`;

const task = (name: string, value: string, more = ""): string =>
  `          - name: ${name}\n            template: t\n            arguments: { parameters: [{ name: x, value: "${value}" }] }\n${more}`;

/** Imports `yaml`, loads the generated module, compiles it and compares with the input. */
async function roundTrip(yaml: string, name: string): Promise<{ code: string; equal: boolean; diffs: string[] }> {
  const code = importManifests(yaml, `${name}.yaml`);
  mkdirSync(OUT, { recursive: true });
  const file = join(OUT, `references-${name}.ts`);
  writeFileSync(file, code);
  const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  const manifests = Object.values(mod)
    .filter(isWorkflow)
    .map((w) => compile(w));
  const r = k8sEqual(parseK8sYaml(yaml, name), manifests);
  return { code, equal: r.equal, diffs: r.diffs };
}

describe("wfc import: task references and dependencies", () => {
  it("turns {{tasks.x.exitCode}} into the task's typed exitCode, and leaves outputs.exitCode (not an Argo key) as text", async () => {
    const r = await roundTrip(
      wf(task("a", "1") + task("b", "{{tasks.a.exitCode}} {{tasks.a.outputs.exitCode}}", "            depends: a\n")),
      "exit-code",
    );
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the generated code is TypeScript source holding a template literal
    expect(r.code).toContain('t({ x: `${a.exitCode} {{tasks.a.outputs.exitCode}}` }, { name: "b" });');
    expect(r.diffs).toEqual([]);
    expect(r.equal).toBe(true);
  });

  it("makes no dependency for a task referenced only from a hook, as the compiler does", async () => {
    const hook =
      '            hooks:\n              exit:\n                template: t\n                arguments: { parameters: [{ name: x, value: "{{tasks.a.outputs.result}}" }] }\n';
    const r = await roundTrip(wf(task("a", "1") + task("b", "2", hook)), "hook-ref");
    expect(r.code).toContain("value: a.result");
    expect(r.code).not.toContain("after");
    expect(r.diffs).toEqual([]);
    expect(r.equal).toBe(true);
  });

  it("uses the result of a task calling another WorkflowTemplate's template (its kind is not known: it may have one)", async () => {
    const a = "          - name: a\n            templateRef: { name: lib, template: gen }\n";
    const r = await roundTrip(
      wf(a + task("b", "{{tasks.a.outputs.result}}", "            depends: a\n")),
      "template-ref-result",
    );
    expect(r.code).toContain('t({ x: a.result }, { name: "b" });');
    expect(r.diffs).toEqual([]);
    expect(r.equal).toBe(true);
  });

  it("reports a depends syntax error with the SDK's message (the shared semantic check), at its line and path", () => {
    const yaml = wf(task("a", "1") + task("b", "1", '            depends: "a &&"\n'));
    expect(() => importManifests(yaml, "bad.yaml")).toThrow(ImportError);
    expect(() => importManifests(yaml, "bad.yaml")).toThrow(
      'bad.yaml:17:13: spec.templates[0].dag.tasks[1].depends: depends "a &&": expected a task name but the expression ends at position 4',
    );
    try {
      importManifests(yaml, "bad.yaml");
    } catch (e) {
      expect((e as ImportError).code).toBe("E_IMPORT_INVALID");
    }
  });
});
