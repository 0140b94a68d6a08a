/**
 * An executor in front of another that turns the pods which publish a message into local events:
 * a template annotated `events.wfc.dev/publish: SOURCE/EVENT` (what `@wfc/events`' `publisher`
 * makes; its payload is the `WFC_PAYLOAD` env var, or the HTTP body), and any `http` template whose
 * URL is a loaded webhook EventSource's Service (`http://<source>-eventsource-svc:<port><endpoint>`).
 * The pod succeeds at once (as the EventSource's `200 success` reply); every other pod goes to the
 * inner executor.
 */
import type { Executor, PodRequest, PodResult } from "../executor.js";
import type { SourceEvent } from "./event-sources.js";
import { findSourceEvent, webhookEventFor } from "./event-sources.js";

/** The annotation of a publishing template (the same string as `@wfc/events`' `PUBLISH_ANNOTATION`). */
export const PUBLISH_ANNOTATION = "events.wfc.dev/publish";

/** A message a pod published. */
export interface Published {
  readonly event: SourceEvent;
  readonly payload: unknown;
  readonly headers: Readonly<Record<string, readonly string[]>>;
  readonly request: PodRequest;
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function published(req: PodRequest, events: readonly SourceEvent[]): Published | undefined {
  const t = req.template;
  const annotation = t.metadata?.annotations?.[PUBLISH_ANNOTATION];
  if (t.http) {
    const target = annotation
      ? findSourceEvent(events, annotation)
      : webhookEventFor(events, t.http.url, t.http.method ?? "GET");
    if (!target) return undefined;
    const headers: Record<string, string[]> = {};
    for (const h of t.http.headers ?? []) (headers[h.name] ??= []).push(String(h.value ?? ""));
    return { event: target, payload: parse(t.http.body ?? ""), headers, request: req };
  }
  if (!annotation) return undefined;
  const env = t.container?.env ?? t.script?.env ?? [];
  const body = env.find((e) => e.name === "WFC_PAYLOAD")?.value ?? "";
  return { event: findSourceEvent(events, annotation), payload: parse(body), headers: {}, request: req };
}

/**
 * Wraps `inner` so publishing pods call `onPublish` instead of running.
 *
 * @example
 * ```ts
 * const executor = publishingExecutor(inner, sourceEvents(eventSources), (p) => chain.emit(p));
 * ```
 */
export function publishingExecutor(
  inner: Executor,
  events: readonly SourceEvent[],
  onPublish: (p: Published) => void | Promise<void>,
): Executor {
  return {
    async run(req: PodRequest): Promise<PodResult> {
      const p = published(req, events);
      if (!p) return inner.run(req);
      await onPublish(p);
      req.onLog(`published ${p.event.source}/${p.event.name}: ${JSON.stringify(p.payload)}`, "stdout", "main");
      return { exitCode: 0, stdout: "success" };
    },
    close: () => inner.close?.() ?? Promise.resolve(),
  };
}
