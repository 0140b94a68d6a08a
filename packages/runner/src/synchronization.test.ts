import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Workflow } from "@wfc/sdk/argo";
import { describe, expect, it } from "vitest";
import { virtualClock } from "./clock-virtual.js";
import { execute } from "./execute.js";
import { wf } from "./run-helpers.test-util.js";
import { scriptedExecutor } from "./scripted-executor.js";

const yaml = (sync: string) => `
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: sync, namespace: argo}
spec:
  entrypoint: main
  templates:
  - name: main
    steps:
    - - {name: acquire, template: locked, withItems: [1, 2, 3]}
  - name: locked
    synchronization:
${sync}
    container: {image: alpine, args: [sleep, "10"]}
`;

async function runWithSnapshots(text: string, configMaps?: Record<string, Record<string, string>>) {
  const clock = virtualClock();
  const snapshots: Workflow[] = [];
  const executor = scriptedExecutor({ sleep: clock.sleep, durationMs: 10_000 });
  const r = await execute(wf(text), {
    executor,
    clock,
    runDir: mkdtempSync(join(tmpdir(), "wfc-sync-")),
    onUpdate: (w) => snapshots.push(structuredClone(w)),
    ...(configMaps ? { configMaps } : {}),
  });
  return { r, snapshots };
}

describe("synchronization (Argo's sync manager, in-process)", () => {
  it("a node waiting for a mutex is Pending with Argo's message; holders show in status.synchronization", async () => {
    const { r, snapshots } = await runWithSnapshots(yaml("      mutexes: [{name: welcome}]"));
    expect(r.phase).toBe("Succeeded");
    const waiting = snapshots.flatMap((s) =>
      Object.values(s.status?.nodes ?? {}).filter((n) => n.synchronizationStatus?.waiting),
    );
    expect(waiting.length).toBeGreaterThan(0);
    expect(waiting[0]).toMatchObject({
      type: "Pod",
      phase: "Pending",
      message: "Waiting for argo/Mutex/welcome lock. Lock status: 0/1",
      synchronizationStatus: { waiting: "argo/Mutex/welcome" },
    });
    const holding = snapshots.map((s) => s.status?.synchronization?.mutex?.holding?.[0]).find(Boolean);
    expect(holding?.mutex).toBe("argo/Mutex/welcome");
    expect(holding?.holder).toMatch(/^argo\/sync\/sync-\d+$/);
    // once done: nobody waits, nobody holds, no message left behind
    const final = Object.values(r.workflow.status?.nodes ?? {});
    expect(final.filter((n) => n.synchronizationStatus || n.message?.startsWith("Waiting"))).toEqual([]);
    expect(r.workflow.status?.synchronization).toBeUndefined();
  });

  it("a semaphore with limit 2 from a ConfigMap: the third waits (Lock status: 0/2)", async () => {
    const { r, snapshots } = await runWithSnapshots(
      yaml("      semaphores: [{configMapKeyRef: {name: my-config, key: template}}]"),
      { "my-config": { template: "2" } },
    );
    expect(r.phase).toBe("Succeeded");
    const messages = new Set(
      snapshots.flatMap((s) => Object.values(s.status?.nodes ?? {}).map((n) => n.message ?? "")).filter(Boolean),
    );
    expect([...messages]).toEqual(["Waiting for argo/ConfigMap/my-config/template lock. Lock status: 0/2"]);
    const most = Math.max(
      ...snapshots.map((s) => s.status?.synchronization?.semaphore?.holding?.[0]?.holders?.length ?? 0),
    );
    expect(most).toBe(2);
  });

  it("status.synchronization lists what a waiting node waits on (LockWaiting: the current holders), as TestSynchronizationWithStep expects a Waiting entry", async () => {
    const { r, snapshots } = await runWithSnapshots(yaml("      mutexes: [{name: welcome}]"));
    const sync = snapshots.map((s) => s.status?.synchronization).find((x) => x?.mutex?.waiting);
    const holder = sync?.mutex?.holding?.[0]?.holder;
    expect(holder).toMatch(/^argo\/sync\/sync-\d+$/);
    // the waiting entry names the node holding the mutex when the wait began
    expect(sync?.mutex?.waiting).toEqual([{ mutex: "argo/Mutex/welcome", holder }]);
    // ReleaseAll: a completed workflow has no status.synchronization
    expect(r.workflow.status?.synchronization).toBeUndefined();

    const sem = await runWithSnapshots(
      yaml("      semaphores: [{configMapKeyRef: {name: my-config, key: template}}]"),
      { "my-config": { template: "2" } },
    );
    const semSync = sem.snapshots.map((s) => s.status?.synchronization?.semaphore).find((x) => x?.waiting);
    expect(semSync?.waiting).toEqual([
      { semaphore: "argo/ConfigMap/my-config/template", holders: semSync?.holding?.[0]?.holders },
    ]);
    expect(semSync?.holding?.[0]?.holders).toHaveLength(2);
    expect(sem.r.workflow.status?.synchronization).toBeUndefined();
  });
});
