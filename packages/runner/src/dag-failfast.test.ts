import { describe, expect, it } from "vitest";
import { virtualClock } from "./clock-virtual.js";
import { run } from "./run-helpers.test-util.js";

// A running branch takes virtual time: the clock moves only once the runner is idle (it holds time during
// its own file writes), so the failed sibling is always seen first, however slow the machine; a real 20 ms
// timer could fire before the runner had recorded the failure, and C would start.
function slowly(ms: number) {
  const clock = virtualClock();
  return { clock, pod: () => clock.sleep(ms).then(() => ({})) };
}

const wfy = (failFast: string) => `
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: ff}
spec:
  entrypoint: main
  templates:
  - name: c
    container: {image: alpine}
  - name: main
    dag:
      ${failFast}
      tasks:
      - {name: A, template: c}
      - {name: B, template: c}
      - {name: C, template: c, dependencies: [B]}
`;

describe("DAG failFast (assessDAGPhase)", () => {
  it("dag.failFast (default) only decides the phase: a running branch is still followed (assessDAGPhase returns Running while a node runs)", async () => {
    const b = slowly(20);
    const r = await run(wfy(""), {
      clock: b.clock,
      pods: { A: { exitCode: 1 }, B: b.pod },
    });
    expect(r.phase).toBe("Failed");
    expect(r.byName("ff.C").phase).toBe("Succeeded");
  });
  it("template failFast: true starts nothing after a failed child and fails with Argo's message (TestWorkflowParallelismDAGFailFast)", async () => {
    const b = slowly(20);
    const r = await run(wfy("").replace("  - name: main\n", "  - name: main\n    failFast: true\n"), {
      clock: b.clock,
      pods: { A: { exitCode: 1 }, B: b.pod },
    });
    expect(r.workflow.status?.message).toBe("template has failed or errored children and failFast enabled");
    expect(r.byName("ff.A").phase).toBe("Failed");
    expect(r.byName("ff.B").phase).toBe("Succeeded");
    expect(r.nodes.find((n) => n.name === "ff.C")).toBeUndefined();
  });
  it("failFast: false lets every branch finish", async () => {
    const b = slowly(20);
    const r = await run(wfy("failFast: false"), {
      clock: b.clock,
      pods: { A: { exitCode: 1 }, B: b.pod },
    });
    expect(r.phase).toBe("Failed");
    expect(r.byName("ff.C").phase).toBe("Succeeded");
  });
  it("a Failed task whose dependent handles it (depends A.Failed) does not fail the DAG", async () => {
    const r = await run(
      `
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: h}
spec:
  entrypoint: main
  templates:
  - name: c
    container: {image: alpine}
  - name: main
    dag:
      tasks:
      - {name: A, template: c}
      - {name: handle, template: c, depends: A.Failed}
`,
      { pods: { A: { exitCode: 1 } } },
    );
    expect(r.phase).toBe("Succeeded");
    expect(r.byName("h.A").children).toEqual([r.byName("h.handle").id]);
  });
  it("AnySucceeded / AllFailed over a loop", async () => {
    const r = await run(
      `
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: l}
spec:
  entrypoint: main
  templates:
  - name: c
    inputs: {parameters: [{name: i}]}
    container: {image: alpine, args: ["{{inputs.parameters.i}}"]}
  - name: main
    dag:
      tasks:
      - {name: L, template: c, withItems: [1, 2, 3], arguments: {parameters: [{name: i, value: "{{item}}"}]}, continueOn: {failed: true}}
      - {name: any, template: c, depends: L.AnySucceeded, arguments: {parameters: [{name: i, value: a}]}}
      - {name: all, template: c, depends: L.AllFailed, arguments: {parameters: [{name: i, value: b}]}}
`,
      { pods: { c: (q) => ({ exitCode: ["1", "3"].includes(q.template.container?.args?.[0] ?? "") ? 1 : 0 }) } },
    );
    expect(r.byName("l.L").phase).toBe("Failed");
    expect(r.byName("l.any").phase).toBe("Succeeded");
    expect(r.byName("l.all").phase).toBe("Omitted");
  });

  it("TestWorkflowParallelismStepFailFast: steps with failFast fail with Argo's message", async () => {
    const r = await run(
      `
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: parallelism-step-fail-fast}
spec:
  entrypoint: main
  templates:
    - name: main
      parallelism: 2
      failFast: true
      steps:
        - - {name: step1, template: fail}
          - {name: step2, template: sleep}
    - name: fail
      container: {image: argoproj/argosay:v2, command: ["exit", "1"]}
    - name: sleep
      container: {image: argoproj/argosay:v2, command: ["sleep", "5"]}
`,
      { pods: { fail: { exitCode: 1 } } },
    );
    expect(r.workflow.status?.message).toBe("template has failed or errored children and failFast enabled");
    const d = (n: string) => r.nodes.find((x) => x.displayName === n);
    expect(d("[0]")?.phase).toBe("Failed");
    expect(d("step1")?.phase).toBe("Failed");
    expect(d("step2")?.phase).toBe("Succeeded");
  });

  it("a step waiting for a parallelism slot does not start after a sibling failed (checkParallelism with failFast)", async () => {
    const r = await run(
      `
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: parallelism-one-fail-fast}
spec:
  entrypoint: main
  templates:
    - name: main
      parallelism: 1
      failFast: true
      steps:
        - - {name: step1, template: fail}
          - {name: step2, template: ok}
    - name: fail
      container: {image: argoproj/argosay:v2, command: ["exit", "1"]}
    - name: ok
      container: {image: argoproj/argosay:v2}
`,
      { pods: { fail: { exitCode: 1 } } },
    );
    expect(r.phase).toBe("Failed");
    expect(r.workflow.status?.message).toBe("template has failed or errored children and failFast enabled");
    expect(r.executor.requests.map((q) => q.templateName)).toEqual(["fail"]);
    const group = r.nodes.find((x) => x.displayName === "[0]");
    expect(group?.phase).toBe("Failed");
    // Argo creates no node for a step refused by checkParallelism, nor a child link to one.
    expect(r.nodes.find((x) => x.displayName === "step2")).toBeUndefined();
    expect(group?.children).toEqual([r.nodes.find((x) => x.displayName === "step1")?.id]);
  });

  it("a DAG task waiting for a parallelism slot does not start after a failFast sibling failed (checkParallelism, dag.go)", async () => {
    const slow = slowly(30);
    const r = await run(
      `
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: parallelism-dag-fail-fast}
spec:
  entrypoint: main
  templates:
    - name: main
      parallelism: 2
      failFast: true
      dag:
        tasks:
          - {name: task1, template: fail}
          - {name: task2, template: sleep}
          - {name: task3, template: sleep}
    - name: fail
      container: {image: argoproj/argosay:v2, args: ["exit", "1"]}
    - name: sleep
      container: {image: argoproj/argosay:v2, args: ["sleep", "5"]}
`,
      {
        pods: {
          fail: { exitCode: 1 },
          sleep: slow.pod,
        },
        clock: slow.clock,
      },
    );
    expect(r.phase).toBe("Failed");
    expect(r.workflow.status?.message).toBe("template has failed or errored children and failFast enabled");
    expect(r.byName("parallelism-dag-fail-fast.task1").phase).toBe("Failed");
    expect(r.byName("parallelism-dag-fail-fast.task2").phase).toBe("Succeeded");
    // task3 waited for task1's slot; once task1 failed, checkParallelism refuses it: no node, no pod
    expect(r.executor.requests.map((q) => q.taskName).sort()).toEqual(["task1", "task2"]);
    expect(r.nodes.find((x) => x.displayName === "task3")).toBeUndefined();
    const dag = r.byName("parallelism-dag-fail-fast");
    expect(dag.children?.length).toBe(2);
  });
});
