/**
 * The events that loaded EventSources define, and the event data each source type would put on
 * the bus for a given payload (Argo Events' `*EventData` shapes): a webhook-like source's
 * `{ header, body }`, a calendar's `{ eventTime }`, a bus message's `{ subject|topic|channel, body }`.
 * Sources whose data is not a message body (S3, resource, file, ...) take the payload as the whole data.
 */
import type { LocalEvent } from "./cloud-event.js";
import { localEvent } from "./cloud-event.js";
import { EventCodes, EventError } from "./errors.js";
import type { EventSourceManifest } from "./manifest-types.js";

/** One event an EventSource defines. */
export interface SourceEvent {
  /** The EventSource's name (the event's `source`). */
  readonly source: string;
  /** The event's name (its `subject`). */
  readonly name: string;
  /** The source type (`webhook`, `calendar`, `nats`, ...). */
  readonly type: string;
  /** The event's configuration (`spec.<type>.<name>`). */
  readonly config: Readonly<Record<string, unknown>>;
}

const NOT_TYPES = new Set(["eventBusName", "replicas", "service", "template"]);

/** Sources that receive HTTP requests (a Service port and an endpoint). */
const HTTP_TYPES = new Set([
  "webhook",
  "github",
  "gitlab",
  "bitbucket",
  "bitbucketserver",
  "gerrit",
  "slack",
  "stripe",
  "storageGrid",
  "sns",
]);
/** Their event data: `{ header, body }` (webhook, SNS, Slack) or `{ headers, body }` (the Git hosts). */
const HEADERS_TYPES = new Set(["github", "gitlab", "bitbucket", "bitbucketserver", "gerrit"]);

/**
 * Every event of `sources`, in definition order.
 *
 * @example
 * ```ts
 * sourceEvents([eventSourceManifest]); // [{ source: "webhook", name: "example", type: "webhook", config: {...} }]
 * ```
 */
export function sourceEvents(sources: readonly EventSourceManifest[]): SourceEvent[] {
  const out: SourceEvent[] = [];
  for (const es of sources) {
    const source = es.metadata?.name ?? "";
    for (const [type, events] of Object.entries(es.spec ?? {})) {
      if (NOT_TYPES.has(type) || !events || typeof events !== "object") continue;
      for (const [name, config] of Object.entries(events as Record<string, unknown>))
        out.push({ source, name, type, config: (config ?? {}) as Record<string, unknown> });
    }
  }
  return out;
}

/**
 * The event `ref` names: `SOURCE/EVENT`, or `EVENT` when only one source has it.
 *
 * @example
 * ```ts
 * findSourceEvent(events, "messages/file-uploaded");
 * ```
 */
export function findSourceEvent(events: readonly SourceEvent[], ref: string): SourceEvent {
  const [a, b] = ref.includes("/") ? ref.split("/", 2) : [undefined, ref];
  const found = events.filter((e) => e.name === b && (a === undefined || e.source === a));
  const known =
    events.map((e) => `${e.source}/${e.name}`).join(", ") || "none: load a module or file with EventSources";
  if (!found.length)
    throw new EventError(EventCodes.unknownEvent, `no event "${ref}" in the EventSources (known: ${known})`);
  if (found.length > 1)
    throw new EventError(
      EventCodes.unknownEvent,
      `event "${ref}" is defined by several EventSources (${found.map((e) => e.source).join(", ")}): name it SOURCE/EVENT`,
    );
  return found[0] as SourceEvent;
}

/** Go's time.Time String form, as the calendar source writes `eventTime`. */
function goTime(d: Date): string {
  return `${d
    .toISOString()
    .replace("T", " ")
    .replace(/\.\d+Z$/, "")
    .replace("Z", "")} +0000 UTC`;
}

const first = (v: unknown): string => (Array.isArray(v) ? String(v[0] ?? "") : String(v ?? ""));

/**
 * The event data source event `e` carries for `payload` (the request body of a webhook, the
 * message body of a bus source), with the event's `metadata` and optional request headers.
 *
 * @example
 * ```ts
 * eventData(webhookEvent, { path: "a.csv" }); // { header: { "Content-Type": ["application/json"] }, body: { path: "a.csv" } }
 * ```
 */
export function eventData(
  e: SourceEvent,
  payload: unknown,
  at: Date,
  headers: Readonly<Record<string, readonly string[]>> = { "Content-Type": ["application/json"] },
): unknown {
  const c = e.config;
  const meta = c.metadata && typeof c.metadata === "object" ? { metadata: c.metadata } : {};
  const time = at.toISOString();
  if (HEADERS_TYPES.has(e.type)) return { headers, body: payload ?? null, ...meta };
  switch (e.type) {
    case "storageGrid":
      return { notification: payload ?? null, ...meta };
    case "stripe":
      return { event: payload ?? null, ...meta };
    case "generic":
      return { body: payload ?? null, ...meta };
    case "calendar": {
      const given = payload && typeof payload === "object" ? payload : {};
      return { eventTime: goTime(at), ...meta, ...given };
    }
    case "nats":
      return { subject: String(c.subject ?? ""), body: payload ?? null, ...meta };
    case "kafka":
      return {
        topic: String(c.topic ?? ""),
        key: "",
        partition: Number(c.partition ?? 0),
        body: payload ?? null,
        timestamp: time,
        headers: {},
        ...meta,
      };
    case "amqp":
      return {
        contentType: "application/json",
        contentEncoding: "",
        deliveryMode: 0,
        priority: 0,
        correlationId: "",
        replyTo: "",
        expiration: "",
        messageId: "",
        timestamp: time,
        type: "",
        appId: "",
        exchange: String(c.exchangeName ?? ""),
        routingKey: String(c.routingKey ?? ""),
        body: payload ?? null,
        ...meta,
      };
    case "redis":
      return { channel: first(c.channels), pattern: "", body: payload ?? null, ...meta };
    case "redisStream":
      return { stream: first(c.streams), message_id: "0-1", values: payload ?? {}, ...meta };
    case "mqtt":
      return { topic: String(c.topic ?? ""), messageId: 0, body: payload ?? null, ...meta };
    case "nsq":
      return { body: payload ?? null, timestamp: time, nsqdAddress: String(c.hostAddress ?? ""), ...meta };
    case "pulsar":
      return { key: "", publishTime: time, body: payload ?? null, ...meta };
    case "emitter":
      return { topic: String(c.channelName ?? ""), body: payload ?? null, ...meta };
    default:
      return HTTP_TYPES.has(e.type) ? { header: headers, body: payload ?? null, ...meta } : (payload ?? null);
  }
}

/**
 * The {@link LocalEvent} source event `e` emits for `payload` at `at`.
 *
 * @example
 * ```ts
 * sourceEvent(findSourceEvent(events, "file-uploaded"), { path: "a.csv" }, new Date());
 * ```
 */
export function sourceEvent(
  e: SourceEvent,
  payload: unknown,
  at: Date,
  headers?: Readonly<Record<string, readonly string[]>>,
  id?: string,
): LocalEvent {
  return localEvent({
    source: e.source,
    subject: e.name,
    type: e.type,
    data: eventData(e, payload, at, headers),
    time: at,
    ...(id ? { id } : {}),
  });
}

/**
 * The webhook-like event an HTTP request to `url` reaches: the EventSource's Service
 * (`<source>-eventsource-svc[.<namespace>[.svc[.cluster.local]]]`), its port and endpoint.
 *
 * @example
 * ```ts
 * webhookEventFor(events, "http://messages-eventsource-svc:12000/file-ingested", "POST");
 * ```
 */
export function webhookEventFor(events: readonly SourceEvent[], url: string, method: string): SourceEvent | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  const m = /^([a-z0-9-]+)-eventsource-svc(\.[a-z0-9-]+(\.svc(\.cluster\.local)?)?)?$/.exec(u.hostname);
  if (!m) return undefined;
  const port = u.port || (u.protocol === "https:" ? "443" : "80");
  return events.find(
    (e) =>
      e.source === m[1] &&
      HTTP_TYPES.has(e.type) &&
      String(e.config.port ?? "") === port &&
      String(e.config.endpoint ?? "") === u.pathname &&
      (!e.config.method || String(e.config.method).toUpperCase() === method.toUpperCase()),
  );
}
