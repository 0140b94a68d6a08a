/**
 * Workflow logs in Argo Server mode: one stream (`/api/v1/workflows/{ns}/{name}/log`) carries every pod's
 * lines as `{"result": {"podName", "content"}}`; the workflow's nodes name the pods.
 */
import { type ErrorContext, httpError } from "../error-mapping.js";
import type { HttpTarget } from "../http-request.js";
import { jsonLines } from "../line-stream.js";
import type { NodeStatus, Workflow } from "../types.js";
import type { LogLine, LogsOptions } from "../workflow-client.js";
import { logStream, nodeLabel, nodeMatches, podIndex } from "../workflow-logs.js";

interface LogMessage {
  readonly result?: { readonly podName?: string; readonly content?: string };
  readonly error?: { readonly message?: string; readonly http_code?: number };
}

/** Where the logs of one workflow come from. @internal */
export interface WorkflowLogSource {
  readonly target: HttpTarget;
  readonly namespace: string;
  readonly timeoutMs: number;
  readonly ctx: ErrorContext;
  getWorkflow(name: string): Promise<Workflow>;
}

/**
 * Streams the logs of workflow `name` through the Argo Server.
 *
 * @internal
 * @example
 * ```ts
 * for await (const line of workflowLogs(source, "hello-x7k2p", { task: "a" })) console.log(line.text);
 * ```
 */
export function workflowLogs(source: WorkflowLogSource, name: string, options: LogsOptions): AsyncIterable<LogLine> {
  const q = new URLSearchParams({
    "logOptions.container": options.container ?? "main",
    "logOptions.follow": String(!!options.follow),
  });
  if (options.sinceSeconds !== undefined) q.set("logOptions.sinceSeconds", String(options.sinceSeconds));
  if (options.tailLines !== undefined) q.set("logOptions.tailLines", String(options.tailLines));
  if (options.timestamps) q.set("logOptions.timestamps", "true");
  const path = `/api/v1/workflows/${encodeURIComponent(source.namespace)}/${encodeURIComponent(name)}/log?${q}`;
  return logStream(options.signal, async (push, signal) => {
    let index = podIndex(await source.getWorkflow(name));
    const nodeFor = async (pod: string): Promise<NodeStatus | undefined> => {
      // a pod that started after the last read: read the workflow again
      if (!index.has(pod)) index = podIndex(await source.getWorkflow(name));
      return index.get(pod);
    };
    for await (const msg of jsonLines<LogMessage>(source.target, path, {
      ctx: source.ctx,
      signal,
      connectTimeoutMs: source.timeoutMs,
    })) {
      if (msg.error) throw httpError(msg.error.http_code ?? 500, msg.error, source.ctx);
      const pod = msg.result?.podName ?? "";
      const node = await nodeFor(pod);
      if (!nodeMatches(node, options.task)) continue;
      push({ podName: pod, nodeName: nodeLabel(node, pod), text: msg.result?.content ?? "" });
    }
  });
}
