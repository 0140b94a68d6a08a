import { describe, expect, it } from "vitest";
import type { NodeStatus, Workflow } from "../types.js";
import { parseFieldSelector } from "./field-selector.js";
import { nodeId, podOfNode } from "./node-ids.js";
import { formulateResubmit } from "./resubmit.js";
import { formulateRetry, WorkflowActionError } from "./retry.js";

const T0 = "2026-12-01T10:00:00Z";
const now = () => new Date("2026-12-01T12:00:00Z");

function node(wf: string, name: string, n: Partial<NodeStatus>): NodeStatus {
  return {
    id: nodeId(wf, name),
    name,
    displayName: name.slice(name.lastIndexOf(".") + 1),
    type: "Pod",
    phase: "Succeeded",
    startedAt: T0,
    finishedAt: T0,
    ...n,
  } as NodeStatus;
}

/** A DAG `main` where `a` succeeded and `b` (after a) failed, as the controller writes it. */
function failedDag(): Workflow {
  const w = "etl";
  const root = node(w, w, {
    displayName: w,
    type: "DAG",
    phase: "Failed",
    templateName: "main",
    children: [nodeId(w, "etl.a")],
    outboundNodes: [nodeId(w, "etl.b")],
  });
  const a = node(w, "etl.a", { templateName: "echo", boundaryID: w, children: [nodeId(w, "etl.b")] });
  const b = node(w, "etl.b", { templateName: "boom", boundaryID: w, phase: "Failed", message: "Error (exit code 3)" });
  return {
    apiVersion: "argoproj.io/v1alpha1",
    kind: "Workflow",
    metadata: {
      name: w,
      namespace: "ci",
      labels: { "workflows.argoproj.io/completed": "true", "workflows.argoproj.io/phase": "Failed", team: "data" },
    },
    spec: { entrypoint: "main", arguments: { parameters: [{ name: "message", value: "hello" }] }, templates: [] },
    status: {
      phase: "Failed",
      message: "child 'etl-b' failed",
      startedAt: T0,
      finishedAt: T0,
      conditions: [
        { type: "PodRunning", status: "False" },
        { type: "Completed", status: "True" },
      ],
      nodes: { [root.id]: root, [a.id]: a, [b.id]: b },
    },
  } as Workflow;
}

describe("formulateRetry (Argo's FormulateRetryWorkflow)", () => {
  it("deletes the failed pod node, resets the DAG on its path, keeps the succeeded one, lists the pod", () => {
    const wf = failedDag();
    const plan = formulateRetry(wf, { now });
    const nodes = plan.workflow.status?.nodes ?? {};
    const [rootId, aId, bId] = [nodeId("etl", "etl"), nodeId("etl", "etl.a"), nodeId("etl", "etl.b")];
    expect(Object.keys(nodes).sort()).toEqual([rootId, aId].sort());
    expect(nodes[rootId]).toMatchObject({ phase: "Running", startedAt: "2026-12-01T12:00:00Z" });
    expect(nodes[rootId]?.finishedAt).toBeUndefined();
    expect(nodes[rootId]?.outboundNodes).toBeUndefined();
    expect(nodes[aId]).toEqual({ ...wf.status?.nodes?.[aId], children: undefined });
    expect(plan.podsToDelete).toEqual([podOfNode(wf, wf.status?.nodes?.[bId] as NodeStatus)]);
    expect(plan.podsToDelete[0]).toMatch(/^etl-boom-\d+$/);
    expect(plan.workflow.status?.phase).toBeUndefined();
    expect(plan.workflow.status?.message).toBeUndefined();
    expect(plan.workflow.status?.conditions).toEqual([
      { type: "PodRunning", status: "False" },
      { type: "Completed", status: "False" },
    ]);
    expect(plan.workflow.metadata?.labels).toEqual({ "workflows.argoproj.io/phase": "Failed", team: "data" });
    // the input is not changed
    expect(wf.status?.phase).toBe("Failed");
  });

  it("--restart-successful --node-field-selector restarts the selected succeeded node and everything below it", () => {
    const wf = failedDag();
    (wf.status as { phase: string }).phase = "Succeeded";
    const b = wf.status?.nodes?.[nodeId("etl", "etl.b")] as NodeStatus;
    b.phase = "Succeeded";
    expect(() => formulateRetry(wf)).toThrow(/--restart-successful and --node-field-selector/);
    const plan = formulateRetry(wf, { restartSuccessful: true, nodeFieldSelector: "displayName=a" });
    expect(Object.keys(plan.workflow.status?.nodes ?? {})).toEqual([nodeId("etl", "etl")]);
    expect(plan.podsToDelete).toHaveLength(2);
    expect(plan.resetNodes).toEqual([nodeId("etl", "etl")]);
  });

  it("steps with a retryStrategy: the retried pod goes, its Retry node, StepGroup and Steps are reset", () => {
    const w = "st";
    const pod = node(w, "st[0].flaky(1)", {
      displayName: "flaky(1)",
      templateName: "flaky",
      phase: "Failed",
      boundaryID: w,
      nodeFlag: { retried: true },
    });
    const pod0 = node(w, "st[0].flaky(0)", {
      displayName: "flaky(0)",
      templateName: "flaky",
      phase: "Failed",
      boundaryID: w,
      nodeFlag: { retried: true },
    });
    const retry = node(w, "st[0].flaky", {
      type: "Retry",
      phase: "Failed",
      templateName: "flaky",
      boundaryID: w,
      children: [pod0.id, pod.id],
    });
    const group = node(w, "st[0]", {
      displayName: "[0]",
      type: "StepGroup",
      phase: "Failed",
      boundaryID: w,
      children: [retry.id],
    });
    const root = node(w, w, {
      displayName: w,
      type: "Steps",
      phase: "Failed",
      templateName: "main",
      children: [group.id],
    });
    const wf = {
      metadata: { name: w },
      spec: { entrypoint: "main" },
      status: { phase: "Failed", nodes: Object.fromEntries([root, group, retry, pod0, pod].map((n) => [n.id, n])) },
    } as Workflow;
    const plan = formulateRetry(wf, { now });
    expect([...plan.resetNodes].sort()).toEqual([root.id, group.id, retry.id].sort());
    expect([...plan.deletedNodes].sort()).toEqual([pod0.id, pod.id].sort());
    expect(plan.podsToDelete).toHaveLength(2);
    expect(plan.workflow.status?.nodes?.[retry.id]?.children).toBeUndefined();
    expect(plan.workflow.status?.nodes?.[retry.id]?.phase).toBe("Running");
  });

  it("an exit handler's pods are deleted and its nodes dropped", () => {
    const wf = failedDag();
    const exit = node("etl", "etl.onExit", { templateName: "cleanup", displayName: "etl.onExit" });
    (wf.status?.nodes as Record<string, NodeStatus>)[exit.id] = exit;
    const plan = formulateRetry(wf, { now });
    expect(plan.workflow.status?.nodes?.[exit.id]).toBeUndefined();
    expect(plan.podsToDelete).toContain(podOfNode(wf, exit));
  });

  it("parameters are overridden; a running workflow cannot be retried", () => {
    const plan = formulateRetry(failedDag(), { parameters: ["message=again"] });
    expect((plan.workflow.spec as { arguments: unknown }).arguments).toEqual({
      parameters: [{ name: "message", value: "again" }],
    });
    const running = failedDag();
    (running.status as { phase: string }).phase = "Running";
    expect(() => formulateRetry(running)).toThrow(WorkflowActionError);
    expect(() => formulateRetry(running)).toThrow(
      'cannot retry Workflow "etl" in phase Running: only Failed or Error workflows can be retried',
    );
  });
});

describe("formulateResubmit (Argo's FormulateResubmitWorkflow)", () => {
  it("a new workflow with the same spec, user labels and the resubmitted-from label", () => {
    const wf = failedDag();
    const next = formulateResubmit(wf);
    expect(next.metadata).toEqual({
      generateName: "etl-",
      labels: { team: "data", "workflows.argoproj.io/resubmitted-from-workflow": "etl" },
      annotations: {},
    });
    expect(next.spec).toEqual(wf.spec);
    expect(next.status).toBeUndefined();
  });

  it("--memoized keeps succeeded pods as Skipped nodes under new ids, failed ones Pending", () => {
    const next = formulateResubmit(failedDag(), { memoized: true, suffix: "x1y2z", now });
    expect(next.metadata?.name).toBe("etl-x1y2z");
    const n = "etl-x1y2z";
    const nodes = next.status?.nodes ?? {};
    expect(nodes[nodeId(n, `${n}.a`)]).toMatchObject({
      type: "Skipped",
      phase: "Skipped",
      message: `original pod: ${nodeId("etl", "etl.a")}`,
      children: [nodeId(n, `${n}.b`)],
    });
    expect(nodes[nodeId(n, `${n}.b`)]).toMatchObject({ type: "Pod", phase: "Pending", boundaryID: n });
    expect(nodes[nodeId(n, `${n}.b`)]?.startedAt).toBeUndefined();
    expect(nodes[n]).toMatchObject({ type: "DAG", phase: "Pending" });
    const running = failedDag();
    (running.status as { phase: string }).phase = "Running";
    expect(() => formulateResubmit(running, { memoized: true })).toThrow(/must be Failed or Error/);
  });
});

describe("field selectors", () => {
  it("parses =, ==, != and escapes; rejects a term without an operator", () => {
    expect(parseFieldSelector("a=b,c==d,e!=f,g=h\\,i")).toEqual([
      { field: "a", op: "=", value: "b" },
      { field: "c", op: "=", value: "d" },
      { field: "e", op: "!=", value: "f" },
      { field: "g", op: "=", value: "h,i" },
    ]);
    expect(() => parseFieldSelector("phase")).toThrow(/cannot understand "phase"/);
  });
});
