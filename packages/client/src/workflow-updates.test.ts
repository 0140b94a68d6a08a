import { describe, expect, it } from "vitest";
import { ClusterError } from "./errors.js";
import type { WatchSource } from "./resilient-watch.js";
import type { Workflow } from "./types.js";
import { workflowUpdates } from "./workflow-updates.js";

const ctx = { action: 'watching Workflow "w" in namespace "ci"', server: "http://test", credentials: 'context "t"' };
const wf = (name: string, phase: string, rv: string): Workflow => ({
  apiVersion: "argoproj.io/v1alpha1",
  kind: "Workflow",
  metadata: { name, resourceVersion: rv },
  spec: {},
  status: { phase },
});

/** A source that lists `items` and then sends `events` once. */
function source(
  items: Workflow[],
  events: { type: "ADDED" | "MODIFIED" | "DELETED"; object: Workflow }[],
): WatchSource<Workflow> {
  return {
    list: async () => ({ items, resourceVersion: "1" }),
    watch: async (_rv, signal, onEvent) => {
      for (const e of events) onEvent(e);
      // stays open until aborted, like a real watch
      await new Promise<void>((resolve) => signal.addEventListener("abort", () => resolve(), { once: true }));
    },
  };
}

async function take(it: AsyncIterable<Workflow>, n: number): Promise<string[]> {
  const out: string[] = [];
  for await (const w of it) {
    out.push(`${w.metadata.name} ${w.status?.phase}`);
    if (out.length === n) break;
  }
  return out;
}

describe("workflowUpdates", () => {
  it("yields the listed state, then each change of the named workflow only", async () => {
    const updates = workflowUpdates(
      "w",
      source(
        [wf("w", "Pending", "1")],
        [
          { type: "MODIFIED", object: wf("other", "Running", "2") },
          { type: "MODIFIED", object: wf("w", "Running", "3") },
          { type: "MODIFIED", object: wf("w", "Succeeded", "4") },
        ],
      ),
      {},
      ctx,
    );
    expect(await take(updates, 3)).toEqual(["w Pending", "w Running", "w Succeeded"]);
  });

  it("is NotFound when the list does not have the workflow", async () => {
    const err = await take(workflowUpdates("w", source([wf("other", "Running", "1")], []), {}, ctx), 1).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ClusterError);
    expect((err as ClusterError).code).toBe("NotFound");
    expect((err as ClusterError).message).toMatch(/^watching Workflow "w" in namespace "ci": NotFound \(404\)/);
  });

  it("is NotFound when the workflow is deleted while watched", async () => {
    const updates = workflowUpdates(
      "w",
      source([wf("w", "Running", "1")], [{ type: "DELETED", object: wf("w", "Running", "2") }]),
      {},
      ctx,
    );
    const err = await take(updates, 5).catch((e: unknown) => e);
    expect((err as ClusterError).code).toBe("NotFound");
    expect((err as ClusterError).message).toMatch(/deleted while it was being watched/);
  });
});
