import { describe, expect, test } from "vitest";
import { k8sEqual, parseK8sYaml } from "./index.js";

const wf = (spec: Record<string, unknown>, name = "hello") => ({
  apiVersion: "argoproj.io/v1alpha1",
  kind: "Workflow",
  metadata: { name },
  spec,
});

describe("k8sEqual", () => {
  test("key order does not matter", () => {
    const a = parseK8sYaml(
      "kind: Workflow\napiVersion: argoproj.io/v1alpha1\nmetadata: {name: x}\nspec: {entrypoint: a, parallelism: 2}\n",
    );
    const b = parseK8sYaml(
      "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nspec: {parallelism: 2, entrypoint: a}\nmetadata: {name: x}\n",
    );
    expect(k8sEqual(a, b)).toEqual({ equal: true, diffs: [] });
  });

  test("YAML 1.1 scalars are read by the parser: on == true, 0755 == 493", () => {
    const a = parseK8sYaml("kind: ConfigMap\nmetadata: {name: c}\ndata: {x: on}\nmode: 0755\n");
    const b = [{ kind: "ConfigMap", metadata: { name: "c" }, data: { x: true }, mode: 493 }];
    expect(k8sEqual(a, b).equal).toBe(true);
  });

  test("templates compare by name, in any order", () => {
    const t1 = { name: "a", container: { image: "x" } };
    const t2 = { name: "b", container: { image: "y" } };
    expect(k8sEqual([wf({ templates: [t1, t2] })], [wf({ templates: [t2, t1] })]).equal).toBe(true);
    const cron = (templates: unknown[]) => ({
      kind: "CronWorkflow",
      metadata: { name: "c" },
      spec: { schedules: ["* * * * *"], workflowSpec: { templates } },
    });
    expect(k8sEqual([cron([t1, t2])], [cron([t2, t1])]).equal).toBe(true);
  });

  test("other lists keep their order", () => {
    const r = k8sEqual(
      [wf({ templates: [{ name: "a", container: { args: ["a", "b"] } }] })],
      [wf({ templates: [{ name: "a", container: { args: ["b", "a"] } }] })],
    );
    expect(r.equal).toBe(false);
    expect(r.diffs).toEqual([
      'Workflow/hello: spec.templates[name=a].container.args[0]: "a" != "b"',
      'Workflow/hello: spec.templates[name=a].container.args[1]: "b" != "a"',
    ]);
  });

  test("int-or-string fields: 10 == '10' only where the CRD says int-or-string", () => {
    const t = (limit: unknown, parallelism: unknown) => [
      wf({ parallelism, templates: [{ name: "a", retryStrategy: { limit }, activeDeadlineSeconds: limit }] }),
    ];
    expect(k8sEqual(t(10, 2), t("10", 2)).equal).toBe(true);
    const r = k8sEqual(t(10, 2), t(10, "2"));
    expect(r.diffs).toEqual(['Workflow/hello: spec.parallelism: 2 != "2"']);
    expect(k8sEqual(t(10, 2), t("11", 2)).equal).toBe(false);
    const q = (cpu: unknown) => [
      wf({ templates: [{ name: "a", container: { image: "x", resources: { limits: { cpu } } } }] }),
    ];
    expect(k8sEqual(q(1), q("1")).equal).toBe(true);
  });

  test("nothing else is normalised: null vs absent, string vs number, missing templates and documents", () => {
    expect(k8sEqual([wf({ a: null })], [wf({})]).diffs).toEqual(["Workflow/hello: spec.a: null != <absent>"]);
    expect(k8sEqual([wf({ entrypoint: "1" })], [wf({ entrypoint: 1 })]).diffs).toEqual([
      'Workflow/hello: spec.entrypoint: "1" != 1',
    ]);
    expect(k8sEqual([wf({ templates: [{ name: "a" }] })], [wf({ templates: [{ name: "b" }] })]).diffs).toEqual([
      "Workflow/hello: spec.templates[name=a]: only on the left",
      "Workflow/hello: spec.templates[name=b]: only on the right",
    ]);
    expect(k8sEqual([wf({}, "x")], [wf({}, "y")]).diffs).toEqual([
      "Workflow/x: document only on the left",
      "Workflow/y: document only on the right",
    ]);
  });

  test("documents pair by kind and name, not position", () => {
    expect(k8sEqual([wf({}, "x"), wf({}, "y")], [wf({}, "y"), wf({}, "x")]).equal).toBe(true);
  });
});
