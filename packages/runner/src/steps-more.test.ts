import { describe, expect, it } from "vitest";
import { run } from "./run-helpers.test-util.js";

describe("steps: continueOn, nested templates, workflow retryStrategy", () => {
  it("continueOn.failed lets the next group run and the workflow succeed", async () => {
    const r = await run(
      `
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: c}
spec:
  entrypoint: main
  templates:
  - name: t
    container: {image: alpine}
  - name: main
    steps:
    - - {name: a, template: t, continueOn: {failed: true}}
    - - {name: b, template: t}
`,
      { pods: { a: { exitCode: 1 } } },
    );
    expect(r.byName("c[0].a").phase).toBe("Failed");
    expect(r.byName("c[0]").phase).toBe("Succeeded");
    expect(r.byName("c[1].b").phase).toBe("Succeeded");
    expect(r.phase).toBe("Succeeded");
  });

  it("nests a DAG in a step and names its tasks under the step", async () => {
    const r = await run(`
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: nd}
spec:
  entrypoint: main
  templates:
  - name: t
    container: {image: alpine}
  - name: inner
    dag: {tasks: [{name: tx, template: t}, {name: ty, template: t, dependencies: [tx]}]}
  - name: main
    steps:
    - - {name: sub, template: inner}
    - - {name: after, template: t}
`);
    expect(r.phase).toBe("Succeeded");
    const sub = r.byName("nd[0].sub");
    expect(sub.type).toBe("DAG");
    expect(r.byName("nd[0].sub.tx").boundaryID).toBe(sub.id);
    expect(sub.outboundNodes).toEqual([r.byName("nd[0].sub.ty").id]);
    expect(r.byName("nd[0].sub.ty").children).toEqual([r.byName("nd[1]").id]);
  });

  it("spec.retryStrategy applies to templates without their own", async () => {
    const r = await run(
      `
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: w}
spec:
  entrypoint: t
  retryStrategy: {limit: 1}
  templates:
  - name: t
    container: {image: alpine}
`,
      { pods: { t: { exitCode: 1 } } },
    );
    expect(r.byName("w")).toMatchObject({ type: "Retry", phase: "Failed", message: "No more retries left" });
    expect(r.byName("w").children).toHaveLength(2);
  });

  it("recursion: a template calling itself until a condition is false", async () => {
    const r = await run(`
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: rec}
spec:
  entrypoint: loop
  arguments: {parameters: [{name: start, value: "0"}]}
  templates:
  - name: loop
    inputs: {parameters: [{name: i, value: "{{workflow.parameters.start}}"}]}
    steps:
    - - name: again
        template: loop
        when: "{{inputs.parameters.i}} < 2"
        arguments: {parameters: [{name: i, value: "{{=asInt(inputs.parameters.i) + 1}}"}]}
`);
    expect(r.phase).toBe("Succeeded");
    expect(r.byName("rec[0].again[0].again[0].again")).toMatchObject({
      phase: "Skipped",
      message: "when '2 < 2' evaluated false",
    });
  });
});
