/**
 * What both modes' log readers share: which pod ran which node, which nodes a `--task` filter keeps,
 * how a line names its node, and the queue that merges the pods' streams into one iterable.
 */
import { AsyncQueue } from "./async-queue.js";
import { podNameForNode } from "./pod-name.js";
import type { NodeStatus, Workflow } from "./types.js";
import type { LogLine } from "./workflow-client.js";

/**
 * Pod name -> node of a workflow.
 *
 * @internal
 * @example
 * ```ts
 * const node = podIndex(wf).get("hello-x7k2p-echo-1234567890");
 * ```
 */
export function podIndex(wf: Workflow): Map<string, NodeStatus> {
  const out = new Map<string, NodeStatus>();
  const wfName = wf.metadata?.name ?? "";
  for (const node of Object.values(wf.status?.nodes ?? {})) {
    const pod = podNameForNode(wfName, node);
    if (pod) out.set(pod, node);
    if (node.type === "Pod") out.set(node.id, node); // POD_NAMES=v1: pod name is the node id
  }
  return out;
}

/** True when `task` is unset or names the node (its display name, name, or last name segment). @internal */
export function nodeMatches(node: NodeStatus | undefined, task: string | undefined): boolean {
  if (!task) return true;
  return !!node && (node.displayName === task || node.name === task || node.name.endsWith(`.${task}`));
}

/** The name a log line shows for its node: display name, else name, else the pod's name. @internal */
export function nodeLabel(node: NodeStatus | undefined, pod: string): string {
  return node?.displayName ?? node?.name ?? pod;
}

/**
 * Runs `produce` at once and yields what it pushes. The stream ends when `produce` resolves, fails with
 * its error (unless aborted), and aborts `produce`'s signal when `signal` aborts or the reader stops.
 *
 * @internal
 * @example
 * ```ts
 * return logStream(options.signal, async (push, signal) => { for await (const text of read(signal)) push({ podName, nodeName, text }); });
 * ```
 */
export function logStream(
  signal: AbortSignal | undefined,
  produce: (push: (line: LogLine) => void, signal: AbortSignal) => Promise<void>,
): AsyncIterable<LogLine> {
  const q = new AsyncQueue<LogLine>();
  const inner = new AbortController();
  signal?.addEventListener("abort", () => inner.abort(), { once: true });
  produce((line) => q.push(line), inner.signal).then(
    () => q.end(),
    (err: unknown) => (inner.signal.aborted ? q.end() : q.end(err)),
  );
  return {
    async *[Symbol.asyncIterator]() {
      try {
        yield* q;
      } finally {
        inner.abort();
      }
    },
  };
}
