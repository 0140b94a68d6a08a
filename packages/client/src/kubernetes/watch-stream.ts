/**
 * The Kubernetes watch protocol: one JSON event per line (`ADDED`, `MODIFIED`, `DELETED`, `BOOKMARK`,
 * `ERROR`), read from `?watch=true` on a collection.
 */
import { httpError } from "../error-mapping.js";
import type { HttpTarget } from "../http-request.js";
import { jsonLines, type LineStreamOptions } from "../line-stream.js";
import type { WatchEvent } from "../resilient-watch.js";
import type { KubeObject } from "../types.js";

/** What a watch reports: an object change or a bookmark (a newer resourceVersion, no change). @internal */
export type WatchMessage<T extends KubeObject> =
  | WatchEvent<T>
  | { readonly type: "BOOKMARK"; readonly resourceVersion: string };

interface RawEvent {
  readonly type?: string;
  readonly object?: KubeObject & { readonly code?: number };
}

/**
 * Reads a watch stream into `onEvent` until the server closes it, turning in-stream `ERROR` events into
 * errors (`Gone` for 410, so the caller lists again).
 *
 * @internal
 * @example
 * ```ts
 * await consumeWatch(target, "/apis/argoproj.io/v1alpha1/namespaces/ci/workflows?watch=true", { ctx, signal }, console.log);
 * ```
 */
export async function consumeWatch<T extends KubeObject>(
  target: HttpTarget,
  pathAndQuery: string,
  options: LineStreamOptions,
  onEvent: (event: WatchMessage<T>) => void,
): Promise<void> {
  const { ctx } = options;
  for await (const ev of jsonLines<RawEvent>(target, pathAndQuery, options)) {
    const obj = ev.object;
    if (!obj) continue;
    if (ev.type === "ERROR") throw httpError(typeof obj.code === "number" ? obj.code : 500, obj, ctx);
    if (ev.type === "BOOKMARK") {
      onEvent({ type: "BOOKMARK", resourceVersion: obj.metadata?.resourceVersion ?? "" });
    } else if (ev.type === "ADDED" || ev.type === "MODIFIED" || ev.type === "DELETED") {
      onEvent({ type: ev.type, object: obj as T });
    }
  }
}
