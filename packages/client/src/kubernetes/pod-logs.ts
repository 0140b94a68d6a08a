/**
 * Workflow logs in Kubernetes mode: the client reads each pod's log itself. Without `follow`, the pods
 * that exist, in the order their nodes started; with `follow`, each pod node from the moment it runs,
 * until the workflow completes and every stream has ended.
 */
import { ClusterError } from "../errors.js";
import { podNameForNode } from "../pod-name.js";
import { isCompleted, type NodeStatus, type Workflow } from "../types.js";
import type { LogLine, LogsOptions, WatchWorkflowOptions } from "../workflow-client.js";
import { logStream, nodeLabel, nodeMatches, podIndex } from "../workflow-logs.js";

/** A pod as far as logs need it. @internal */
export interface KubePod {
  readonly metadata: { readonly name: string; readonly creationTimestamp?: string };
}

/** What the log reader needs from the client. @internal */
export interface PodLogSource {
  getWorkflow(name: string): Promise<Workflow>;
  watchWorkflow(name: string, options: WatchWorkflowOptions): AsyncIterable<Workflow>;
  /** The pods of a workflow. */
  workflowPods(name: string): Promise<KubePod[]>;
  /** One pod's log, line by line; ends quietly when `signal` aborts. */
  podLog(
    pod: string,
    container: string,
    follow: boolean,
    signal: AbortSignal,
    window?: Pick<LogsOptions, "sinceSeconds" | "tailLines" | "timestamps">,
  ): AsyncIterable<string>;
}

const FOLLOW_RETRIES = 20;
const FOLLOW_RETRY_MS = 250;

/**
 * Streams the logs of workflow `name`'s pods.
 *
 * @internal
 * @example
 * ```ts
 * for await (const line of podLogs(source, "hello-x7k2p", { follow: true })) console.log(line.nodeName, line.text);
 * ```
 */
export function podLogs(source: PodLogSource, name: string, options: LogsOptions): AsyncIterable<LogLine> {
  const container = options.container ?? "main";
  return logStream(options.signal, async (push, signal) => {
    if (!options.follow) {
      const wf = await source.getWorkflow(name);
      const index = podIndex(wf);
      const order = Object.keys(wf.status?.nodes ?? {});
      const pods = (await source.workflowPods(name))
        .map((p) => ({ pod: p, node: index.get(p.metadata.name) }))
        .filter((x) => nodeMatches(x.node, options.task))
        .sort((a, b) => {
          const t = String(a.node?.startedAt ?? a.pod.metadata.creationTimestamp ?? "").localeCompare(
            String(b.node?.startedAt ?? b.pod.metadata.creationTimestamp ?? ""),
          );
          return t !== 0 ? t : order.indexOf(a.node?.id ?? "") - order.indexOf(b.node?.id ?? "");
        });
      for (const { pod, node } of pods) {
        for await (const text of source.podLog(pod.metadata.name, container, false, signal, options)) {
          push({ podName: pod.metadata.name, nodeName: nodeLabel(node, pod.metadata.name), text });
        }
      }
      return;
    }
    const follow = async (pod: string, node: NodeStatus): Promise<void> => {
      for (let attempt = 0; ; attempt++) {
        try {
          for await (const text of source.podLog(pod, container, true, signal, options))
            push({ podName: pod, nodeName: nodeLabel(node, pod), text });
          return;
        } catch (err) {
          if (signal.aborted || (err instanceof ClusterError && err.code === "NotFound")) return;
          // the container may still be starting: retry a few times
          if (!(err instanceof ClusterError) || err.code !== "BadRequest" || attempt >= FOLLOW_RETRIES) throw err;
          await new Promise((r) => setTimeout(r, FOLLOW_RETRY_MS));
        }
      }
    };
    const started = new Set<string>();
    const streams: Promise<void>[] = [];
    for await (const wf of source.watchWorkflow(name, { signal })) {
      for (const [pod, node] of podIndex(wf)) {
        if (pod === node.id && podNameForNode(name, node) !== pod) continue;
        if (started.has(pod) || !nodeMatches(node, options.task)) continue;
        if (
          node.phase === "Pending" ||
          node.phase === "Skipped" ||
          node.phase === "Omitted" ||
          node.phase === undefined
        )
          continue;
        started.add(pod);
        streams.push(follow(pod, node));
      }
      if (isCompleted(wf.status?.phase)) break;
    }
    await Promise.all(streams);
  });
}
