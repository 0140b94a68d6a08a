/**
 * The Argo Server's watch protocol (`/api/v1/workflow-events/{namespace}`): one JSON message per line,
 * `{"result": {"type", "object"}}` or `{"error": {...}}` (grpc-gateway's stream format).
 */
import { httpError } from "../error-mapping.js";
import type { HttpTarget } from "../http-request.js";
import { jsonLines, type LineStreamOptions } from "../line-stream.js";
import type { WatchEvent } from "../resilient-watch.js";
import type { Workflow } from "../types.js";

interface StreamMessage {
  readonly result?: { readonly type?: string; readonly object?: Workflow };
  readonly error?: { readonly code?: number; readonly message?: string; readonly http_code?: number };
}

/**
 * Reads a workflow-events stream into `onEvent` until the server closes it; an error message becomes a
 * ClusterError (`Gone` when the resourceVersion is too old, so the caller lists again).
 *
 * @internal
 * @example
 * ```ts
 * await consumeWorkflowEvents(target, "/api/v1/workflow-events/ci?listOptions.resourceVersion=1", { ctx, signal }, console.log);
 * ```
 */
export async function consumeWorkflowEvents(
  target: HttpTarget,
  pathAndQuery: string,
  options: LineStreamOptions,
  onEvent: (event: WatchEvent<Workflow>) => void,
): Promise<void> {
  for await (const msg of jsonLines<StreamMessage>(target, pathAndQuery, options)) {
    if (msg.error) {
      const { ctx } = options;
      const status = msg.error.http_code ?? (/too old|expired|410/i.test(msg.error.message ?? "") ? 410 : 500);
      throw httpError(status, msg.error, ctx);
    }
    const ev = msg.result;
    if (!ev?.object) continue;
    if (ev.type === "ADDED" || ev.type === "MODIFIED" || ev.type === "DELETED")
      onEvent({ type: ev.type, object: ev.object });
  }
}
