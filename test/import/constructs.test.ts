import { importManifests } from "@wfc/import";
import { describe, expect, it } from "vitest";

/** A Workflow with the given templates (YAML text, indented under `templates:`). */
const wf = (entrypoint: string, templates: string): string =>
  `apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata:\n  generateName: t-\nspec:\n  entrypoint: ${entrypoint}\n  templates:\n${templates}`;

const leaf = (name: string, inputs = ""): string =>
  `    - name: ${name}\n${inputs ? `      inputs:\n        parameters:\n${inputs}` : ""}      container:\n        image: busybox\n`;

describe("wfc import: constructs with limits", () => {
  it("nests the other templates of a recursive cycle in the body of the one used from outside", () => {
    const text = wf(
      "a",
      "    - name: a\n      steps:\n        - - name: call-b\n            template: b\n" +
        "    - name: b\n      steps:\n        - - name: call-a\n            template: a\n",
    );
    const code = importManifests(text, "cycle.yaml");
    expect(code).toContain(
      'const a = steps({ name: "a" }, (_, self) => {\n  const b = steps({ name: "b" }, () => {\n    self({}, { name: "call-a" });',
    );
  });

  it("rejects a cycle used from outside through two of its templates", () => {
    const text = wf(
      "main",
      "    - name: main\n      steps:\n        - - name: x\n            template: a\n        - - name: second\n            template: b\n" +
        "    - name: a\n      steps:\n        - - name: call-b\n            template: b\n" +
        "    - name: b\n      steps:\n        - - name: call-a\n            template: a\n",
    );
    expect(() => importManifests(text, "cycle.yaml")).toThrow(/through more than one of them \("a", "b"\)/);
  });

  it("passes undeclared arguments in extra.arguments, only after the declared ones", () => {
    const call = (params: string) =>
      wf(
        "main",
        `    - name: main\n      steps:\n        - - name: s\n            template: t\n            arguments:\n              parameters:\n${params}${leaf("t", "          - name: x\n")}`,
      );
    const ok = importManifests(
      call("                - { name: x, value: '1' }\n                - { name: extra, value: '2' }\n"),
      "a.yaml",
    );
    expect(ok).toContain(
      't({ x: "1" }, { name: "s", extra: { arguments: { parameters: [{ name: "extra", value: "2" }] } } });',
    );
    expect(() =>
      importManifests(
        call("                - { name: extra, value: '2' }\n                - { name: x, value: '1' }\n"),
        "b.yaml",
      ),
    ).toThrow(/undeclared arguments can only come last/);
  });

  it("writes inline leaf templates with inline() and rejects inline DAGs", () => {
    const inl = (body: string) =>
      wf("main", `    - name: main\n      dag:\n        tasks:\n          - name: a\n            inline:\n${body}`);
    expect(importManifests(inl("              container:\n                image: busybox\n"), "i.yaml")).toContain(
      'const a = inline(container({ name: "a" }, { image: "busybox" }));',
    );
    expect(() => importManifests(inl("              dag:\n                tasks: []\n"), "i.yaml")).toThrow(
      /an inline dag template/,
    );
  });
});
