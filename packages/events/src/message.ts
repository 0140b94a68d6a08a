import type { output, ZodObject, ZodType } from "zod";
import { fail } from "./errors.js";
import { type Dependency, event } from "./event.js";
import type { EventBusObject } from "./event-bus.js";
import { type EventSourceObject, eventSource, type SourceType } from "./event-source.js";
import type { EventSourceSpec } from "./types.gen.js";

/**
 * How a message travels from the task that emits it to the EventSource that turns it into an event:
 * an HTTP POST to a webhook EventSource, or a message on a broker the EventSource subscribes to.
 *
 * @example
 * ```ts
 * const t: Transport = { type: "nats", url: "nats://nats:4222", subject: "orders.created" };
 * ```
 */
export type Transport =
  | {
      readonly type: "webhook";
      /** The EventSource's port. @default 12000 */
      readonly port?: number;
      /** The endpoint path. @default "/<message name>" */
      readonly endpoint?: string;
    }
  | { readonly type: "nats"; readonly url: string; readonly subject: string }
  | { readonly type: "kafka"; readonly url: string; readonly topic: string; readonly partition?: string }
  | { readonly type: "redis"; readonly hostAddress: string; readonly channel: string; readonly db?: number }
  | { readonly type: "mqtt"; readonly url: string; readonly topic: string; readonly clientId?: string };

/** What each transport's EventSource puts beside `body` in the event data (Argo Events' `*EventData`). */
interface TransportData {
  readonly webhook: { readonly header: Readonly<Record<string, readonly string[]>> };
  readonly nats: { readonly subject: string };
  readonly kafka: {
    readonly topic: string;
    readonly key: string;
    readonly partition: number;
    readonly timestamp: string;
  };
  readonly redis: { readonly channel: string; readonly pattern: string };
  readonly mqtt: { readonly topic: string; readonly messageId: number };
}

/**
 * A typed message contract: one declaration, used by the task that emits the message ({@link publisher})
 * and by the Sensor that waits for it (`message.dependency`). `S` is the payload's zod schema (an object:
 * its fields are the publishing template's inputs), `X` the transport type.
 *
 * @example
 * ```ts
 * const fileIngested = message({ name: "file-ingested", source: "messages", transport: { type: "webhook" }, payload: z.object({ path: z.string(), rows: z.number() }) });
 * ```
 */
export interface Message<
  N extends string = string,
  S extends ZodObject = ZodObject,
  X extends Transport["type"] = Transport["type"],
> extends MessageBase {
  /** The event name in its EventSource. */
  readonly name: N;
  readonly transport: Extract<Transport, { type: X }>;
  /** The payload schema. */
  readonly payload: S;
  /** The Sensor dependency on this message, typed: `deps.x.data("body.path")` is checked against the payload. */
  readonly dependency: Dependency<MessageData<S, X>>;
}

/**
 * What every {@link Message} has, whatever its payload and transport: what {@link messageSource} reads.
 *
 * @example
 * ```ts
 * const all: readonly MessageBase[] = [fileUploaded, fileIngested];
 * ```
 */
export interface MessageBase {
  /** The event name in its EventSource. */
  readonly name: string;
  /** The EventSource's name. */
  readonly source: string;
  readonly transport: Transport;
  /** The payload schema. */
  readonly payload: ZodObject;
}

/**
 * The event data of a message as the Sensor sees it: the payload under `body`, beside the transport's fields.
 *
 * @example
 * ```ts
 * type D = MessageData<z.ZodObject<{ path: z.ZodString }>, "webhook">; // { body: { path: string }; header: ... }
 * ```
 */
export type MessageData<S extends ZodType, X extends Transport["type"]> = {
  readonly body: output<S>;
} & TransportData[X];

/**
 * Options of {@link message}.
 *
 * @example
 * ```ts
 * const o: MessageOptions<"file-uploaded", z.ZodObject<{ path: z.ZodString }>, Transport> = { name: "file-uploaded", source: "messages", transport: { type: "webhook" }, payload: z.object({ path: z.string() }) };
 * ```
 */
export interface MessageOptions<N extends string, S extends ZodObject, T extends Transport> {
  /** The event name (DNS-1123: it names the endpoint and the event). */
  readonly name: N;
  /** The name of the EventSource that receives it (see {@link messageSource}). */
  readonly source: string;
  readonly transport: T;
  /** The payload: a zod object schema. */
  readonly payload: S;
}

const DNS = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/**
 * Declares a message contract.
 *
 * @example
 * ```ts
 * export const fileUploaded = message({
 *   name: "file-uploaded",
 *   source: "messages",
 *   transport: { type: "webhook" },
 *   payload: z.object({ path: z.string() }),
 * });
 * ```
 */
export function message<const N extends string, S extends ZodObject, const T extends Transport>(
  options: MessageOptions<N, S, T>,
): Message<N, S, T["type"]> {
  if (!DNS.test(options.name))
    fail("E_EVENTS_MESSAGE", `message "${options.name}": the name must be DNS-1123 (lower case, digits, "-")`);
  if (!DNS.test(options.source))
    fail("E_EVENTS_MESSAGE", `message ${options.name}: source "${options.source}" must be DNS-1123`);
  return {
    name: options.name,
    source: options.source,
    transport: options.transport as unknown as Extract<Transport, { type: T["type"] }>,
    payload: options.payload,
    dependency: event(options.source, options.name).payload<MessageData<S, T["type"]>>(),
  };
}

/**
 * The webhook port and endpoint of a message (its transport's, or 12000 and `/<name>`).
 *
 * @example
 * ```ts
 * webhookEndpoint(fileUploaded); // { port: 12000, endpoint: "/file-uploaded" }
 * ```
 */
export function webhookEndpoint(m: MessageBase): { port: number; endpoint: string } {
  const t = m.transport as Extract<Transport, { type: "webhook" }>;
  return { port: t.port ?? 12000, endpoint: t.endpoint ?? `/${m.name}` };
}

function eventConfig(m: MessageBase): unknown {
  const t = m.transport;
  switch (t.type) {
    case "webhook": {
      const { port, endpoint } = webhookEndpoint(m);
      return { port: String(port), endpoint, method: "POST" };
    }
    case "nats":
      return { url: t.url, subject: t.subject, jsonBody: true };
    case "kafka":
      return { url: t.url, topic: t.topic, partition: t.partition ?? "0", jsonBody: true };
    case "redis":
      return {
        hostAddress: t.hostAddress,
        channels: [t.channel],
        jsonBody: true,
        ...(t.db !== undefined ? { db: t.db } : {}),
      };
    case "mqtt":
      return { url: t.url, topic: t.topic, clientId: t.clientId ?? m.name, jsonBody: true };
  }
}

/**
 * Options of {@link messageSource}.
 *
 * @example
 * ```ts
 * const o: MessageSourceOptions<[typeof fileUploaded]> = { name: "messages", messages: [fileUploaded] };
 * ```
 */
export interface MessageSourceOptions<M extends readonly MessageBase[]> {
  /** `metadata.name`: every message's `source`. */
  readonly name: string;
  readonly namespace?: string;
  /** The messages this EventSource receives (one transport type). */
  readonly messages: M;
  /** The event bus. @default the default bus */
  readonly eventBus?: EventBusObject | string;
  /** `spec.service` for a webhook source. @default one port per distinct webhook port */
  readonly service?: EventSourceSpec["service"];
}

/**
 * The EventSource that receives a set of messages (one event per message, configured from each
 * message's transport; bus sources decode the body as JSON).
 *
 * @example
 * ```ts
 * export const messages = messageSource({ name: "messages", eventBus: bus, messages: [fileUploaded, fileIngested] });
 * ```
 */
export function messageSource<const M extends readonly MessageBase[]>(
  options: MessageSourceOptions<M>,
): EventSourceObject<M[number]["name"]> {
  const first = options.messages[0];
  if (!first) return fail("E_EVENTS_MESSAGE", `messageSource ${options.name}: give at least one message`);
  const events: Record<string, unknown> = {};
  for (const m of options.messages) {
    if (m.source !== options.name)
      fail("E_EVENTS_MESSAGE", `messageSource ${options.name}: message ${m.name} belongs to source "${m.source}"`);
    if (m.transport.type !== first.transport.type)
      fail(
        "E_EVENTS_MESSAGE",
        `messageSource ${options.name}: message ${m.name} uses ${m.transport.type}, ${first.name} uses ${first.transport.type} (one transport per EventSource)`,
      );
    if (events[m.name]) fail("E_EVENTS_MESSAGE", `messageSource ${options.name}: two messages named ${m.name}`);
    events[m.name] = eventConfig(m);
  }
  const ports = [
    ...new Set(options.messages.filter((m) => m.transport.type === "webhook").map((m) => webhookEndpoint(m).port)),
  ];
  const service =
    options.service ?? (ports.length ? { ports: ports.map((port) => ({ port, targetPort: port })) } : undefined);
  return eventSource(first.transport.type as SourceType, {
    name: options.name,
    ...(options.namespace ? { namespace: options.namespace } : {}),
    ...(options.eventBus ? { eventBus: options.eventBus } : {}),
    ...(service ? { service } : {}),
    events: events as never,
  }) as EventSourceObject<M[number]["name"]>;
}
