/**
 * The day-2 actions end to end: the real `wfc` binary acts on a workflow the double's controller is
 * running, and the controller reacts as Argo's operator does (shutdown Stop/Terminate, spec.suspend,
 * a retried workflow's reset nodes running again).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ArgoServerDouble, startArgoServerDouble } from "../argo-server-double/server.js";
import type { Obj, StoreEvent } from "../k8s-double/store.js";
import { type Cluster, file, startCluster, wfc } from "./harness.js";

let c: Cluster;
let argo: ArgoServerDouble;
let argoEnv: Record<string, string>;
beforeAll(async () => {
  c = await startCluster();
  argo = await startArgoServerDouble({ store: c.k8s.store, tokens: { "argo-secret": "alice" } });
  argoEnv = { KUBECONFIG: "/nonexistent", ARGO_SERVER: argo.httpUrl, ARGO_TOKEN: "argo-secret", ARGO_NAMESPACE: "ci" };
});
afterAll(async () => {
  await argo.close();
  await c.close();
});

/** DAG `main`: `a` runs `aCommand`, `b` after it; optional exit handler `cleanup`; parameter `code`. */
function workflowYaml(name: string, aCommand: string, opts: { onExit?: boolean; bCommand?: string } = {}): string {
  return `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  name: ${name}
spec:
  entrypoint: main
${opts.onExit ? "  onExit: cleanup\n" : ""}  arguments:
    parameters:
      - name: code
        value: "3"
  templates:
    - name: main
      dag:
        tasks:
          - name: a
            template: first
          - name: b
            template: second
            dependencies: [a]
    - name: first
      container:
        image: alpine:3.20
        command: [sh, -c, "${aCommand}"]
    - name: second
      container:
        image: alpine:3.20
        command: [sh, -c, "${opts.bCommand ?? "echo b ran"}"]
    - name: cleanup
      container:
        image: alpine:3.20
        command: [echo, cleaned up]
`;
}

/** DAG `main`: `build`, then `approve` (a suspend template with a supplied output), then `deploy`. */
function approvalYaml(name: string, duration?: string): string {
  return `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  name: ${name}
spec:
  entrypoint: main
  templates:
    - name: main
      dag:
        tasks:
          - { name: build, template: echo }
          - { name: approve, template: approval, dependencies: [build] }
          - { name: deploy, template: echo, dependencies: [approve] }
    - name: echo
      container: { image: alpine:3.20, command: [echo, done] }
    - name: approval
      suspend: {${duration ? ` duration: "${duration}" ` : ""}}
      outputs:
        parameters: [{ name: ok, valueFrom: { supplied: {}, default: "yes" } }]
`;
}

const wf = (name: string): Obj => c.k8s.store.get("workflows", "ci", name);
const node = (name: string, displayName: string): Obj | undefined =>
  Object.values((wf(name).status?.nodes ?? {}) as Record<string, Obj>).find((n) => n.displayName === displayName);

async function until(what: string, ok: () => boolean): Promise<void> {
  const end = Date.now() + 30_000;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function submitRunning(name: string, yaml: string): Promise<void> {
  const r = await wfc(["submit", file("wf.yaml", yaml)], c.env);
  expect(r.code, r.stderr).toBe(0);
  await until(`${name}.a Running`, () => node(name, "a")?.phase === "Running");
}

describe("the controller honours stop, terminate, suspend, resume and retry", { timeout: 120_000 }, () => {
  it("stop ends a running workflow Failed with Argo's message; the exit handler still runs", async () => {
    await submitRunning("stop-run", workflowYaml("stop-run", "echo working; sleep 60", { onExit: true }));
    expect((await wfc(["stop", "stop-run"], c.env)).stdout).toBe("workflow stop-run stopped\n");
    const w = await wfc(["wait", "stop-run"], c.env);
    expect(w.code).toBe(1);
    expect(w.stdout).toMatch(/^stop-run Failed at \d{4}-/);
    const s = wf("stop-run");
    expect(s.status.message).toBe("Stopped with strategy 'Stop'");
    expect(node("stop-run", "a")).toMatchObject({
      phase: "Failed",
      message: "workflow shutdown with strategy:  Stop",
    });
    expect(node("stop-run", "b")).toBeUndefined(); // never started
    expect(node("stop-run", "stop-run.onExit")).toMatchObject({ phase: "Succeeded", nodeFlag: { hooked: true } });
    const exitPod = c.k8s.store
      .list("pods", "ci")
      .find(
        (p) => p.metadata.labels["workflows.argoproj.io/on-exit"] === "true" && p.metadata.name.startsWith("stop-run"),
      );
    expect(exitPod?.status.phase).toBe("Succeeded");
    expect(c.k8s.store.log("ci", exitPod?.metadata.name).lines).toEqual(["cleaned up"]);
    const get = await wfc(["get", "stop-run"], c.env);
    expect(get.stdout).toMatch(/Stopped with strategy 'Stop'/);
  });

  it("terminate ends it the same way without running the exit handler", async () => {
    await submitRunning("term-run", workflowYaml("term-run", "sleep 60", { onExit: true }));
    expect((await wfc(["terminate", "term-run"], c.env)).stdout).toBe("workflow term-run terminated\n");
    expect((await wfc(["wait", "term-run"], c.env)).code).toBe(1);
    expect(wf("term-run").status.message).toBe("Stopped with strategy 'Terminate'");
    expect(node("term-run", "a")).toMatchObject({
      phase: "Failed",
      message: "workflow shutdown with strategy:  Terminate",
    });
    expect(node("term-run", "term-run.onExit")).toBeUndefined();
    expect(
      c.k8s.store.list("pods", "ci").filter((p) => p.metadata.labels["workflows.argoproj.io/workflow"] === "term-run"),
    ).toHaveLength(1);
  });

  it("suspend holds the next pod until resume; then the workflow completes", async () => {
    const seen: string[] = [];
    let last = "";
    const record = (ev: StoreEvent): void => {
      if (ev.resource === "pods" && ev.type === "ADDED" && ev.object.metadata.name.startsWith("pause-run"))
        seen.push(`pod ${ev.object.metadata.annotations["workflows.argoproj.io/node-name"]}`);
      if (ev.resource === "workflows" && ev.object.metadata.name === "pause-run") {
        const suspended = ev.object.spec?.suspend === true ? "suspended" : "not suspended";
        if (last !== suspended) seen.push(suspended);
        last = suspended;
      }
    };
    c.k8s.store.events.on("change", record);
    try {
      // `a` runs until `wfc suspend` has landed (a fixed few seconds were not enough for a `wfc` process
      // to start on a loaded machine: the suspend came after b had started)
      await submitRunning("pause-run", workflowYaml("pause-run", "sleep 600"));
      expect((await wfc(["suspend", "pause-run"], c.env)).stdout).toBe("workflow pause-run suspended\n");
      expect(wf("pause-run").spec.suspend).toBe(true);
      const podA = c.k8s.store
        .list("pods", "ci")
        .find((p) => p.metadata.annotations?.["workflows.argoproj.io/node-name"] === "pause-run.a");
      if (!podA) throw new Error("no pod for pause-run.a");
      c.k8s.controller.endSleep("ci", podA.metadata.name);
      await until("a Succeeded", () => node("pause-run", "a")?.phase === "Succeeded");
      expect(node("pause-run", "a")?.phase).toBe("Succeeded"); // a running pod is not stopped by suspend
      // `b` is ready but held: the workflow stays Running with no pod for it
      await new Promise((r) => setTimeout(r, 300));
      expect(wf("pause-run").status.phase).toBe("Running");
      expect(node("pause-run", "b")).toBeUndefined();
      expect((await wfc(["resume", "pause-run"], c.env)).stdout).toBe("workflow pause-run resumed\n");
      const w = await wfc(["wait", "pause-run"], c.env);
      expect(w.code).toBe(0);
      expect(w.stdout).toMatch(/^pause-run Succeeded at /);
    } finally {
      c.k8s.store.events.off("change", record);
    }
    // the order the cluster saw: a's pod, suspended, resumed, then b's pod
    expect(seen).toEqual(["not suspended", "pod pause-run.a", "suspended", "not suspended", "pod pause-run.b"]);
  });

  it("a suspend node waits without a pod; resume --node-field-selector continues the workflow", async () => {
    expect((await wfc(["submit", file("wf.yaml", approvalYaml("approve-run"))], c.env)).code).toBe(0);
    await until("approve Running", () => node("approve-run", "approve")?.phase === "Running");
    expect(node("approve-run", "approve")?.type).toBe("Suspend");
    await new Promise((r) => setTimeout(r, 200));
    expect(node("approve-run", "deploy")).toBeUndefined();
    expect(wf("approve-run").status.phase).toBe("Running");
    const r = await wfc(["resume", "approve-run", "--node-field-selector", "displayName=approve"], c.env);
    expect(r.stdout).toBe("workflow approve-run resumed\n");
    const w = await wfc(["wait", "approve-run"], c.env);
    expect(w.stdout).toMatch(/^approve-run Succeeded at /);
    // argo's updateSuspendedNode: the phase only (a plain resume also gives the outputs their defaults)
    expect(node("approve-run", "approve")).toMatchObject({
      phase: "Succeeded",
      outputs: { parameters: [{ name: "ok", valueFrom: { supplied: {}, default: "yes" } }] },
    });
    expect(node("approve-run", "deploy")?.phase).toBe("Succeeded");
  });

  it("stop fails a waiting suspend node with Argo's message; stop --node-field-selector rejects one; a duration ends it", async () => {
    await wfc(["submit", file("wf.yaml", approvalYaml("approve-stop"))], c.env);
    await until("approve Running", () => node("approve-stop", "approve")?.phase === "Running");
    await wfc(["stop", "approve-stop"], c.env);
    expect((await wfc(["wait", "approve-stop"], c.env)).code).toBe(1);
    expect(wf("approve-stop").status.message).toBe("Stopped with strategy 'Stop'");
    expect(node("approve-stop", "approve")).toMatchObject({ phase: "Failed", message: "Stopped with strategy 'Stop'" });
    expect(node("approve-stop", "deploy")).toBeUndefined();

    await wfc(["submit", file("wf.yaml", approvalYaml("approve-reject"))], c.env);
    await until("approve Running", () => node("approve-reject", "approve")?.phase === "Running");
    await wfc(["stop", "approve-reject", "--node-field-selector", "displayName=approve", "--message", "no"], c.env);
    expect((await wfc(["wait", "approve-reject"], c.env)).code).toBe(1);
    expect(node("approve-reject", "approve")).toMatchObject({ phase: "Failed", message: "no" });
    expect(node("approve-reject", "deploy")).toBeUndefined();
    expect(wf("approve-reject").status.message).toMatch(/^child 'approve-reject-\d+' failed$/);

    const timed = await wfc(["submit", file("wf.yaml", approvalYaml("approve-timed", "1s")), "--wait"], c.env);
    expect(timed.code).toBe(0);
    expect(node("approve-timed", "deploy")?.phase).toBe("Succeeded");
  });

  it("retry reruns only the failed node; with -p code=0 the workflow ends Succeeded", async () => {
    const yaml = workflowYaml("retry-run", "echo first", { bCommand: "echo try; exit {{workflow.parameters.code}}" });
    const first = await wfc(["submit", file("wf.yaml", yaml), "--wait"], c.env);
    expect(first.code).toBe(1);
    const a = node("retry-run", "a");
    expect(node("retry-run", "b")).toMatchObject({ phase: "Failed", message: "main: Error (exit code 3)" });
    const added: string[] = [];
    const record = (ev: StoreEvent): void => {
      if (ev.resource === "pods" && ev.type === "ADDED" && ev.object.metadata.name.startsWith("retry-run"))
        added.push(ev.object.metadata.annotations["workflows.argoproj.io/node-name"]);
    };
    c.k8s.store.events.on("change", record);
    let r: Awaited<ReturnType<typeof wfc>>;
    try {
      r = await wfc(["retry", "retry-run", "-p", "code=0", "--wait"], c.env);
    } finally {
      c.k8s.store.events.off("change", record);
    }
    expect(r.stderr).toBe("workflow retry-run Succeeded\n");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^pod retry-run-second-\d+ deleted\nworkflow retry-run retried\n/);
    expect(added).toEqual(["retry-run.b"]); // a kept its result, b ran again
    const s = wf("retry-run");
    expect(s.status.phase).toBe("Succeeded");
    expect(s.status.message).toBeUndefined();
    expect(node("retry-run", "a")).toEqual(a);
    expect(node("retry-run", "b")?.phase).toBe("Succeeded");
    const podB = c.k8s.store.list("pods", "ci").find((p) => p.metadata.name.startsWith("retry-run-second"));
    expect(c.k8s.store.log("ci", podB?.metadata.name).lines).toEqual(["try"]);
  });

  it("through the Argo Server: stop ends a running workflow; retry --log prints the rerun's logs", async () => {
    await submitRunning("as-stop-run", workflowYaml("as-stop-run", "sleep 60", { onExit: true }));
    expect((await wfc(["stop", "as-stop-run"], argoEnv)).stdout).toBe("workflow as-stop-run stopped\n");
    expect((await wfc(["wait", "as-stop-run"], argoEnv)).code).toBe(1);
    expect(wf("as-stop-run").status.message).toBe("Stopped with strategy 'Stop'");
    expect(node("as-stop-run", "as-stop-run.onExit")?.phase).toBe("Succeeded");

    const yaml = workflowYaml("as-retry-run", "echo first", {
      bCommand: "echo try; exit {{workflow.parameters.code}}",
    });
    expect((await wfc(["submit", file("wf.yaml", yaml), "--wait"], argoEnv)).code).toBe(1);
    const r = await wfc(["retry", "as-retry-run", "-p", "code=0", "--log", "--wait"], argoEnv);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe("workflow as-retry-run retried");
    expect(r.stdout).toMatch(/^b: try$/m);
    expect(r.stderr).toBe("workflow as-retry-run Succeeded\n");
  });

  it("retry of a steps workflow reruns the failed step in its reset step group", async () => {
    const yaml = `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  name: steps-retry
spec:
  entrypoint: main
  arguments:
    parameters: [{ name: code, value: "2" }]
  templates:
    - name: main
      steps:
        - - { name: one, template: ok }
        - - { name: two, template: flaky }
    - name: ok
      container: { image: alpine:3.20, command: [echo, one] }
    - name: flaky
      container: { image: alpine:3.20, command: [sh, -c, "exit {{workflow.parameters.code}}"] }
`;
    expect((await wfc(["submit", file("wf.yaml", yaml), "--wait"], c.env)).code).toBe(1);
    expect(node("steps-retry", "[1]")?.phase).toBe("Failed");
    const added: string[] = [];
    const record = (ev: StoreEvent): void => {
      if (ev.resource === "pods" && ev.type === "ADDED" && ev.object.metadata.name.startsWith("steps-retry"))
        added.push(ev.object.metadata.annotations["workflows.argoproj.io/node-name"]);
    };
    c.k8s.store.events.on("change", record);
    try {
      expect((await wfc(["retry", "steps-retry", "-p", "code=0", "--wait"], c.env)).code).toBe(0);
    } finally {
      c.k8s.store.events.off("change", record);
    }
    expect(added).toEqual(["steps-retry[1].two"]);
    expect(node("steps-retry", "[1]")?.phase).toBe("Succeeded");
    expect(node("steps-retry", "two")?.phase).toBe("Succeeded");
  });
});
