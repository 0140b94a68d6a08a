import { describe, expect, it } from "vitest";
import { run } from "./run-helpers.test-util.js";

const retryWf = (strategy: string) => `
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: r}
spec:
  entrypoint: flaky
  templates:
  - name: flaky
    retryStrategy:
${strategy}
    container: {image: alpine}
`;

describe("retries", () => {
  it("retries up to limit with children name(i), then fails with No more retries left", async () => {
    const r = await run(retryWf("      limit: 2"), { pods: { flaky: { exitCode: 1 } } });
    expect(r.phase).toBe("Failed");
    const root = r.byName("r");
    expect(root).toMatchObject({ type: "Retry", phase: "Failed", message: "No more retries left" });
    expect(root.children).toHaveLength(3);
    expect(r.byName("r(2)")).toMatchObject({ type: "Pod", phase: "Failed", message: "main: Error (exit code 1)" });
    expect(r.executor.requests.map((q) => q.retry)).toEqual([0, 1, 2]);
  });

  it("stops retrying once an attempt succeeds and takes its outputs", async () => {
    let n = 0;
    const r = await run(retryWf("      limit: 5"), { pods: { flaky: () => ({ exitCode: n++ < 2 ? 1 : 0 }) } });
    expect(r.phase).toBe("Succeeded");
    expect(r.byName("r").children).toHaveLength(3);
    expect(r.byName("r").outputs?.exitCode).toBe("0");
  });

  it("OnError does not retry a Failed attempt; Always retries an Error", async () => {
    const a = await run(retryWf("      limit: 3\n      retryPolicy: OnError"), { pods: { flaky: { exitCode: 1 } } });
    expect(a.byName("r").children).toHaveLength(1);
    expect(a.byName("r")).toMatchObject({ phase: "Failed", message: "main: Error (exit code 1)" });
    const b = await run(retryWf("      limit: 1\n      retryPolicy: Always"), {
      pods: { flaky: { exitCode: -1, phase: "Error", message: "pull access denied" } },
    });
    expect(b.byName("r").children).toHaveLength(2);
    expect(b.byName("r").phase).toBe("Error");
    const c = await run(retryWf("      limit: 3\n      retryPolicy: OnTransientError"), {
      pods: { flaky: { exitCode: 1, phase: "Error", message: "dial tcp: connection refused" } },
    });
    expect(c.byName("r").children).toHaveLength(4);
  });

  it("waits duration * factor^n between attempts on the clock, capped by maxDuration", async () => {
    const r = await run(retryWf("      limit: 3\n      backoff: {duration: '10s', factor: 2}"), {
      pods: { flaky: { exitCode: 1 } },
    });
    const starts = ["r(0)", "r(1)", "r(2)", "r(3)"].map((n) => Date.parse(r.byName(n).startedAt!));
    expect(starts.slice(1).map((s, i) => (s - starts[i]!) / 1000)).toEqual([10, 20, 40]);
    expect(r.clock.elapsed()).toBe(70_000);
    const m = await run(retryWf("      limit: 10\n      backoff: {duration: '1m', factor: 2, maxDuration: '3m'}"), {
      pods: { flaky: { exitCode: 1 } },
    });
    // 1m, then 2m would end at 3m; the next (4m) would pass maxDuration
    expect(m.byName("r")).toMatchObject({ phase: "Failed", message: "Backoff would exceed max duration limit" });
    expect(m.byName("r").children).toHaveLength(3);
  });

  it("evaluates retryStrategy.expression with lastRetry.*", async () => {
    let n = 0;
    const r = await run(retryWf('      limit: 10\n      expression: "asInt(lastRetry.exitCode) > 1"'), {
      pods: { flaky: () => ({ exitCode: [3, 2, 1][n++] ?? 0 }) },
    });
    expect(r.byName("r").children).toHaveLength(3);
    expect(r.byName("r")).toMatchObject({ phase: "Failed", message: "retryStrategy.expression evaluated to false" });
  });

  it("substitutes {{retries}} per attempt", async () => {
    const r = await run(
      `
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: r}
spec:
  entrypoint: flaky
  templates:
  - name: flaky
    retryStrategy: {limit: 2}
    container: {image: alpine, args: ["attempt {{retries}}"]}
`,
      { pods: { flaky: (q) => ({ exitCode: q.retry < 2 ? 1 : 0 }) } },
    );
    expect(r.executor.requests.map((q) => q.template.container?.args?.[0])).toEqual([
      "attempt 0",
      "attempt 1",
      "attempt 2",
    ]);
  });
});

describe("retries as Argo's e2e tests expect (retry_test.go)", () => {
  it("TestRetryLimit: limit 0 runs once, Retry node without nodeFlag, attempt flagged retried, progress 0/1", async () => {
    const r = await run(
      `
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: test-retry-limit}
spec:
  entrypoint: main
  templates:
    - name: main
      retryStrategy:
        limit: 0
        backoff: {duration: 2s, factor: 2, maxDuration: 5m}
      container: {name: main, image: 'argoproj/argosay:v2', args: [exit, "1"]}
`,
      { pods: { main: { exitCode: 1 } } },
    );
    expect(r.workflow.status).toMatchObject({ phase: "Failed", message: "No more retries left", progress: "0/1" });
    expect(r.byName("test-retry-limit")).toMatchObject({ phase: "Failed", type: "Retry" });
    expect(r.byName("test-retry-limit").nodeFlag).toBeUndefined();
    expect(r.byName("test-retry-limit(0)")).toMatchObject({ phase: "Failed", nodeFlag: { retried: true } });
  });
  it("TestRetryBackoff: limit 10, 10s backoff, maxDuration 1m ends with at most 10 nodes", async () => {
    const r = await run(
      `
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: b}
spec:
  entrypoint: main
  templates:
    - name: main
      retryStrategy:
        limit: '10'
        backoff: {duration: 10s, maxDuration: 1m}
      container: {name: main, image: 'argoproj/argosay:v2', args: [exit, "1"]}
`,
      { pods: { main: { exitCode: 1 } } },
    );
    expect(r.phase).toBe("Failed");
    expect(r.nodes.length).toBeLessThanOrEqual(10);
    expect(r.nodes.length).toBeGreaterThan(3);
  });
});

describe("deadlines", () => {
  it("template activeDeadlineSeconds fails the pod with Argo's message", async () => {
    const r = await run(
      `
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: d}
spec:
  entrypoint: slow
  templates:
  - name: slow
    activeDeadlineSeconds: 10
    container: {image: alpine}
`,
      { durationMs: 60_000 },
    );
    expect(r.byName("d")).toMatchObject({
      phase: "Failed",
      message: "Pod was active on the node longer than the specified deadline",
    });
    expect(r.clock.elapsed()).toBe(10_000);
  });

  it("workflow activeDeadlineSeconds stops running pods: Step exceeded its deadline", async () => {
    const r = await run(
      `
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: d}
spec:
  entrypoint: main
  activeDeadlineSeconds: 5
  templates:
  - name: c
    container: {image: alpine}
  - name: main
    steps:
    - - {name: a, template: c}
    - - {name: b, template: c}
`,
      { durationMs: 60_000 },
    );
    expect(r.phase).toBe("Failed");
    expect(r.byName("d[0].a")).toMatchObject({ phase: "Failed", message: "Step exceeded its deadline" });
    expect(r.nodes.find((n) => n.name === "d[1].b")).toBeUndefined();
  });

  it("template timeout fails the pod when it runs longer", async () => {
    const r = await run(
      `
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: d}
spec:
  entrypoint: slow
  templates:
  - name: slow
    timeout: "30s"
    container: {image: alpine}
`,
      { durationMs: 60_000 },
    );
    expect(r.byName("d").phase).toBe("Failed");
    expect(r.clock.elapsed()).toBe(30_000);
  });
});

describe("exit handlers", () => {
  const exitWf = `
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: e}
spec:
  entrypoint: main
  onExit: exit-handler
  templates:
  - name: main
    container: {image: alpine}
  - name: exit-handler
    steps:
    - - name: report
        template: report
        arguments:
          parameters:
          - {name: status, value: "{{workflow.status}}"}
          - {name: failures, value: "{{workflow.failures}}"}
  - name: report
    inputs: {parameters: [{name: status}, {name: failures}]}
    container: {image: alpine, args: ["{{inputs.parameters.status}}", "{{inputs.parameters.failures}}"]}
`;
  it("runs onExit with workflow.status and workflow.failures", async () => {
    const r = await run(exitWf, { pods: { main: { exitCode: 1 } } });
    expect(r.phase).toBe("Failed");
    expect(r.byName("e.onExit")).toMatchObject({ type: "Steps", phase: "Succeeded" });
    const report = r.executor.requests.find((q) => q.templateName === "report")!;
    expect(report.template.container?.args?.[0]).toBe("Failed");
    const failures = JSON.parse(report.template.container?.args?.[1] ?? "[]") as {
      displayName: string;
      phase: string;
      message: string;
      templateName: string;
      podName: string;
    }[];
    expect(failures).toEqual([
      expect.objectContaining({
        displayName: "e",
        phase: "Failed",
        message: "main: Error (exit code 1)",
        templateName: "main",
        podName: "e",
      }),
    ]);
  });

  it("a failing exit handler fails a succeeded workflow", async () => {
    const r = await run(exitWf, { pods: { report: { exitCode: 1 } } });
    expect(r.byName("e").phase).toBe("Succeeded");
    expect(r.phase).toBe("Failed");
  });

  it("runs step- and task-level onExit after the node, before its dependents", async () => {
    const r = await run(`
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: t}
spec:
  entrypoint: main
  templates:
  - name: c
    container: {image: alpine}
  - name: bye
    container: {image: alpine, args: ["{{steps.name}}"]}
  - name: main
    dag:
      tasks:
      - {name: A, template: c, onExit: bye}
      - {name: B, template: c, dependencies: [A]}
`);
    expect(r.phase).toBe("Succeeded");
    const exit = r.byName("t.A.onExit");
    expect(exit.phase).toBe("Succeeded");
    expect(r.byName("t.A").children).toContain(exit.id);
    const order = r.executor.requests.map((q) => q.nodeName);
    expect(order).toEqual(["t.A", "t.A.onExit", "t.B"]);
  });
});

describe("hooks and suspend", () => {
  it("runs a task hook when its expression turns true", async () => {
    const r = await run(`
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
      - name: A
        template: c
        hooks:
          running: {expression: "tasks.A.status == 'Running'", template: c}
          failed: {expression: "tasks.A.status == 'Failed'", template: c}
`);
    expect(r.phase).toBe("Succeeded");
    expect(r.byName("h.A.hooks.running").phase).toBe("Succeeded");
    expect(r.nodes.find((n) => n.name === "h.A.hooks.failed")).toBeUndefined();
  });

  it("a suspend with a duration waits on the clock; without one it fails saying --resume", async () => {
    const wfy = (s: string) => `
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: s}
spec:
  entrypoint: wait
  templates:
  - name: wait
    suspend: ${s}
`;
    const a = await run(wfy("{duration: '2m'}"));
    expect(a.byName("s")).toMatchObject({ type: "Suspend", phase: "Succeeded" });
    expect(a.clock.elapsed()).toBe(120_000);
    const b = await run(wfy("{}"));
    expect(b.phase).toBe("Failed");
    expect(b.byName("s").message).toMatch(/--resume/);
  });

  it("a supplied output nobody set fails the suspend as Argo does (TestSuspendNodeTimeout)", async () => {
    const r = await run(`
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: s}
spec:
  entrypoint: wait
  templates:
  - name: wait
    suspend: {duration: 5s}
    outputs: {parameters: [{name: message, valueFrom: {supplied: {}}}]}
`);
    expect(r.phase).toBe("Failed");
    expect(r.workflow.status?.message).toBe(
      "raw output parameter 'message' has not been set and does not have a default value",
    );
  });
});
