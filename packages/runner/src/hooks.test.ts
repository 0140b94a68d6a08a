import { describe, expect, it } from "vitest";
import { run } from "./run-helpers.test-util.js";

// Expectations of Argo's test/e2e/hooks_test.go.
describe("lifecycle hooks (hooks_test.go)", () => {
  it("TestWorkflowLevelHooksSuccessVersion: running and succeed hooks both run", async () => {
    const r = await run(`
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: lifecycle-hook}
spec:
  entrypoint: main
  hooks:
    running: {expression: workflow.status == "Running", template: argosay}
    succeed: {expression: workflow.status == "Succeeded", template: argosay}
  templates:
    - name: main
      steps:
      - - {name: step1, template: argosay}
    - name: argosay
      container: {image: argoproj/argosay:v2}
`);
    expect(r.phase).toBe("Succeeded");
    expect(r.byName("lifecycle-hook.hooks.running").phase).toBe("Succeeded");
    expect(r.byName("lifecycle-hook.hooks.succeed").phase).toBe("Succeeded");
  });

  it("TestWorkflowLevelHooksFailVersion: the failed hook runs, not a succeed one", async () => {
    const r = await run(
      `
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: lh}
spec:
  entrypoint: main
  hooks:
    running: {expression: workflow.status == "Running", template: hook}
    failed: {expression: workflow.status == "Failed", template: hook}
    succeed: {expression: workflow.status == "Succeeded", template: hook}
  templates:
    - name: main
      steps:
      - - {name: step1, template: fail}
    - name: hook
      container: {image: argoproj/argosay:v2}
    - name: fail
      container: {image: argoproj/argosay:v2}
`,
      { pods: { fail: { exitCode: 1 } } },
    );
    expect(r.phase).toBe("Failed");
    expect(r.byName("lh.hooks.failed").phase).toBe("Succeeded");
    expect(r.nodes.some((n) => n.name === "lh.hooks.succeed")).toBe(false);
  });

  it('TestTemplateLevelHooksStepSuccessVersion: steps["step-1"].status hooks', async () => {
    const r = await run(`
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: t}
spec:
  entrypoint: main
  templates:
    - name: main
      steps:
        - - name: step-1
            hooks:
              running: {expression: 'steps["step-1"].status == "Running"', template: argosay}
              succeed: {expression: 'steps["step-1"].status == "Succeeded"', template: argosay}
            template: argosay
        - - name: step-2
            hooks:
              succeed: {expression: 'steps["step-2"].status == "Succeeded"', template: argosay}
            template: argosay
    - name: argosay
      container: {image: argoproj/argosay:v2}
`);
    expect(r.phase).toBe("Succeeded");
    expect(r.byName("t[0].step-1.hooks.running").phase).toBe("Succeeded");
    expect(r.byName("t[0].step-1.hooks.succeed").phase).toBe("Succeeded");
    expect(r.byName("t[1].step-2.hooks.succeed").phase).toBe("Succeeded");
    expect(r.byName("t[0].step-1").children).toContain(r.byName("t[0].step-1.hooks.succeed").id);
  });

  it("TestTemplateLevelHooksDagHasDependencyVersion: progress 1/2, B Omitted", async () => {
    const r = await run(
      `
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: d}
spec:
  entrypoint: main
  templates:
    - name: main
      dag:
        tasks:
          - name: A
            template: fail
            hooks:
              running: {template: hook, expression: tasks.A.status == "Running"}
              success: {template: hook, expression: tasks.A.status == "Succeeded"}
          - name: B
            template: success
            dependencies: [A]
            hooks:
              running: {template: hook, expression: tasks.B.status == "Running"}
              success: {template: hook, expression: tasks.B.status == "Succeeded"}
    - name: success
      container: {image: argoproj/argosay:v2}
    - name: fail
      container: {image: argoproj/argosay:v2}
    - name: hook
      container: {image: argoproj/argosay:v2}
`,
      { pods: { fail: { exitCode: 1 } } },
    );
    expect(r.phase).toBe("Failed");
    expect(r.workflow.status?.progress).toBe("1/2");
    expect(r.byName("d.A.hooks.running").phase).toBe("Succeeded");
    expect(r.byName("d.B").phase).toBe("Omitted");
  });
});
