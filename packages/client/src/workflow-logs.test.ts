import { describe, expect, it } from "vitest";
import { podName } from "./pod-name.js";
import type { NodeStatus, Workflow } from "./types.js";
import { logStream, nodeLabel, nodeMatches, podIndex } from "./workflow-logs.js";

const node = (id: string, name: string, extra: Partial<NodeStatus> = {}): NodeStatus => ({
  id,
  name,
  type: "Pod",
  templateName: "echo",
  ...extra,
});
const wf: Workflow = {
  apiVersion: "argoproj.io/v1alpha1",
  kind: "Workflow",
  metadata: { name: "hello-x" },
  spec: {},
  status: {
    nodes: {
      "hello-x": { id: "hello-x", name: "hello-x", type: "DAG" },
      "hello-x-1": node("hello-x-1", "hello-x.a", { displayName: "a" }),
      "hello-x-2": node("hello-x-2", "hello-x.b"),
    },
  },
};

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const v of it) out.push(v);
  return out;
}

describe("podIndex", () => {
  it("maps the v2 pod name and the node id (v1 pod name) of each Pod node to it; other nodes have no pod", () => {
    const index = podIndex(wf);
    expect(index.get(podName("hello-x", "hello-x.a", "echo"))?.displayName).toBe("a");
    expect(index.get("hello-x-2")?.name).toBe("hello-x.b");
    expect(index.has("hello-x")).toBe(false);
    expect(index.size).toBe(4);
  });
});

describe("nodeMatches / nodeLabel", () => {
  it("a task filter matches the display name, the name, or its last segment", () => {
    const a = node("1", "hello-x.a", { displayName: "step-a" });
    expect([undefined, "step-a", "hello-x.a", "a"].map((t) => nodeMatches(a, t))).toEqual([true, true, true, true]);
    expect(["b", "x.a", "hello"].map((t) => nodeMatches(a, t))).toEqual([false, false, false]);
    expect(nodeMatches(undefined, "a")).toBe(false);
    expect(nodeMatches(undefined, undefined)).toBe(true);
  });

  it("labels a line with the display name, else the node name, else the pod", () => {
    expect(nodeLabel(node("1", "hello-x.a", { displayName: "a" }), "p")).toBe("a");
    expect(nodeLabel(node("1", "hello-x.a"), "p")).toBe("hello-x.a");
    expect(nodeLabel(undefined, "p")).toBe("p");
  });
});

describe("logStream", () => {
  const line = (text: string) => ({ podName: "p", nodeName: "n", text });

  it("yields what the producer pushes and ends when it resolves", async () => {
    const lines = await collect(
      logStream(undefined, async (push) => {
        for (const t of ["a", "b"]) push(line(t));
      }),
    );
    expect(lines.map((l) => l.text)).toEqual(["a", "b"]);
  });

  it("ends with the producer's error", async () => {
    const err = await collect(
      logStream(undefined, async (push) => {
        push(line("a"));
        throw new Error("stream broke");
      }),
    ).catch((e: unknown) => e);
    expect((err as Error).message).toBe("stream broke");
  });

  it("aborts the producer when the caller's signal aborts, and then ends without an error", async () => {
    const caller = new AbortController();
    let producerSignal: AbortSignal | undefined;
    const stream = logStream(caller.signal, (push, signal) => {
      producerSignal = signal;
      push(line("a"));
      return new Promise((_resolve, reject) => signal.addEventListener("abort", () => reject(new Error("aborted"))));
    });
    const seen: string[] = [];
    for await (const l of stream) {
      seen.push(l.text);
      caller.abort();
    }
    expect(seen).toEqual(["a"]);
    expect(producerSignal?.aborted).toBe(true);
  });

  it("aborts the producer when the reader stops early", async () => {
    let producerSignal: AbortSignal | undefined;
    const stream = logStream(undefined, (push, signal) => {
      producerSignal = signal;
      push(line("a"));
      push(line("b"));
      return new Promise(() => {});
    });
    for await (const l of stream) {
      expect(l.text).toBe("a");
      break;
    }
    expect(producerSignal?.aborted).toBe(true);
  });
});
