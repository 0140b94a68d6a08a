import { describe, expect, it } from "vitest";
import { run, wf } from "./run-helpers.test-util.js";

describe("variables and outputs", () => {
  it("globalName exports to workflow.outputs.parameters and status.outputs; expressions and withParam from outputs", async () => {
    const r = await run(
      `
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: g, labels: {team: data}}
spec:
  entrypoint: main
  arguments: {parameters: [{name: count, value: "2"}]}
  templates:
  - name: gen
    outputs:
      parameters:
      - {name: list, globalName: the-list, valueFrom: {path: /tmp/list}}
    container: {image: alpine}
  - name: show
    inputs: {parameters: [{name: v}]}
    container: {image: alpine, args: ["{{inputs.parameters.v}}"]}
  - name: main
    outputs:
      parameters:
      - name: doubled
        valueFrom: {expression: "asInt(workflow.parameters.count) * 2"}
    steps:
    - - {name: gen, template: gen}
    - - name: each
        template: show
        arguments: {parameters: [{name: v, value: "{{item.n}} {{workflow.outputs.parameters.the-list}} {{workflow.labels.team}} {{=asInt(workflow.parameters.count) + 1}}"}]}
        withParam: "{{steps.gen.outputs.parameters.list}}"
`,
      { pods: { gen: { files: { "/tmp/list": '[{"n":1},{"n":2}]\n' } } } },
    );
    expect(r.phase).toBe("Succeeded");
    expect(r.workflow.status?.outputs?.parameters).toEqual([{ name: "the-list", value: '[{"n":1},{"n":2}]' }]);
    // by node: the two pods of the loop start concurrently, in either order
    expect(
      Object.fromEntries(
        r.executor.requests
          .filter((q) => q.templateName === "show")
          .map((q) => [q.nodeName, q.template.container?.args?.[0]]),
      ),
    ).toEqual({
      "g[1].each(0:n:1)": '1 [{"n":1},{"n":2}] data 3',
      "g[1].each(1:n:2)": '2 [{"n":1},{"n":2}] data 3',
    });
    expect(r.byName("g[1].each(0:n:1)").phase).toBe("Succeeded");
    expect(r.byName("g").outputs?.parameters?.[0]).toMatchObject({ name: "doubled", value: "4" });
  });

  it("exposes tasks.X.status/exitCode/startedAt to dependents, and node.name / pod.name to templates", async () => {
    const r = await run(`
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: v}
spec:
  entrypoint: main
  templates:
  - name: a
    container: {image: alpine, args: ["{{node.name}} {{pod.name}}"]}
  - name: show
    inputs: {parameters: [{name: v}]}
    container: {image: alpine, args: ["{{inputs.parameters.v}}"]}
  - name: main
    dag:
      tasks:
      - {name: A, template: a}
      - name: B
        depends: A
        template: show
        arguments: {parameters: [{name: v, value: "{{tasks.A.status}} {{tasks.A.exitCode}} {{tasks.A.startedAt}} {{tasks.A.id}}"}]}
`);
    const a = r.byName("v.A");
    expect(r.executor.requests[0]?.template.container?.args?.[0]).toBe(`v.A ${r.executor.requests[0]?.podName}`);
    expect(r.executor.requests[0]?.podName).toMatch(/^v-a-\d+$/);
    expect(r.executor.requests[1]?.template.container?.args?.[0]).toBe(`Succeeded 0 ${a.startedAt} ${a.id}`);
  });

  it("an unresolved {{tasks...}} reference errors the task naming it", async () => {
    // A's template comes from a WorkflowTemplate: the lint checks (one manifest) cannot see its outputs.
    const lib = wf(`
apiVersion: argoproj.io/v1alpha1
kind: WorkflowTemplate
metadata: {name: lib}
spec:
  templates:
  - name: show
    inputs: {parameters: [{name: v}]}
    container: {image: alpine}
`);
    const r = await run(
      `
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: u}
spec:
  entrypoint: main
  templates:
  - name: main
    dag:
      tasks:
      - {name: A, templateRef: {name: lib, template: show}, arguments: {parameters: [{name: v, value: x}]}}
      - name: B
        depends: A
        templateRef: {name: lib, template: show}
        arguments: {parameters: [{name: v, value: "{{tasks.A.outputs.parameters.nope}}"}]}
`,
      { templates: [lib] },
    );
    expect(r.phase).toBe("Error");
    expect(r.byName("u.B")).toMatchObject({ type: "Skipped", phase: "Error" });
    expect(r.byName("u.B").message).toMatch(/tasks\.A\.outputs\.parameters\.nope/);
  });

  it("an indefinite suspend is resumed by options.onSuspend", async () => {
    const { execute } = await import("./execute.js");
    const { scriptedExecutor } = await import("./scripted-executor.js");
    const { wf } = await import("./run-helpers.test-util.js");
    const asked: string[] = [];
    const r = await execute(
      wf(`
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: s}
spec:
  entrypoint: approve
  templates:
  - name: approve
    suspend: {}
    outputs: {parameters: [{name: ok, valueFrom: {supplied: {}, default: "yes"}}]}
`),
      {
        executor: scriptedExecutor(),
        runDir: (await import("node:fs")).mkdtempSync("/tmp/wfc-s-"),
        onSuspend: async (n) => {
          asked.push(n);
        },
      },
    );
    expect(asked).toEqual(["s"]);
    expect(r.phase).toBe("Succeeded");
    expect(r.workflow.status?.nodes?.s?.outputs?.parameters?.[0]?.value).toBe("yes");
  });
});
