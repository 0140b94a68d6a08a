import { type KubernetesObject, MANIFESTS } from "@wfc/sdk";
import { EVENTS_BRAND, hasEventsBrand } from "./brand.js";
import { type EventHandle, event } from "./event.js";
import type { EventBusObject } from "./event-bus.js";
import { defined, type MetadataOptions, objectMeta, splitMetadata } from "./metadata.js";
import type { EventSource, EventSourceSpec } from "./types.gen.js";

/**
 * The event source types of an `EventSource` spec (`webhook`, `calendar`, `kafka`, ...): every key of
 * `EventSourceSpec` that maps event names to a configuration.
 *
 * @example
 * ```ts
 * const t: SourceType = "webhook";
 * ```
 */
export type SourceType = Exclude<keyof EventSourceSpec, "eventBusName" | "replicas" | "service" | "template">;

/**
 * The configuration of one event of a source type (for `"webhook"`, `WebhookEventSource`).
 *
 * @example
 * ```ts
 * const example: SourceConfig<"webhook"> = { port: "12000", endpoint: "/example", method: "POST" };
 * ```
 */
export type SourceConfig<T extends SourceType> = NonNullable<EventSourceSpec[T]>[string] & {};

/**
 * Options of an event source builder: metadata, the spec fields shared by every type (`service`, `template`,
 * `replicas`), the event bus, and `events`, the configuration of each event by name.
 *
 * @example
 * ```ts
 * const o: EventSourceOptions<"webhook", "example"> = { name: "webhook", events: { example: { port: "12000", endpoint: "/example", method: "POST" } } };
 * ```
 */
export interface EventSourceOptions<T extends SourceType, E extends string> extends MetadataOptions {
  /** The events this source emits, by event name (the keys of `spec.<type>`). */
  readonly events: { readonly [K in E]: SourceConfig<T> };
  /** `spec.service`: the Service exposing the event source (webhook-like sources). */
  readonly service?: EventSourceSpec["service"];
  /** `spec.template`: the event source pod's template. */
  readonly template?: EventSourceSpec["template"];
  /** `spec.replicas`. */
  readonly replicas?: number;
  /** The event bus (an {@link eventBus} object or its name); the default bus when omitted. */
  readonly eventBus?: EventBusObject | string;
}

/**
 * An `EventSource`: exported from a module, `wfc build` emits it. Its `events` are typed handles a Sensor
 * dependency refers to, so a misspelt event name is a compile error.
 *
 * @example
 * ```ts
 * const hooks = webhookSource({ name: "webhook", events: { example: { port: "12000", endpoint: "/example", method: "POST" } } });
 * hooks.events.example; // EventHandle
 * ```
 */
export interface EventSourceObject<E extends string = string> {
  readonly [EVENTS_BRAND.eventSource]: true;
  readonly [MANIFESTS]: () => readonly KubernetesObject[];
  /** `metadata.name`: what Sensor dependencies name as `eventSourceName`. */
  readonly name: string;
  /** The source type (`webhook`, `calendar`, ...). */
  readonly type: SourceType;
  /** One handle per event. */
  readonly events: { readonly [K in E]: EventHandle };
  /** The `EventSource` manifest. */
  manifest(): EventSource;
}

/**
 * True when `value` is an event source object (from {@link eventSource} or a typed builder such as
 * {@link webhookSource}).
 *
 * @example
 * ```ts
 * if (isEventSource(value)) console.log(value.name);
 * ```
 */
export function isEventSource(value: unknown): value is EventSourceObject {
  return hasEventsBrand(value, EVENTS_BRAND.eventSource);
}

/**
 * Builds an `EventSource` of the given source type. The typed builders ({@link webhookSource},
 * {@link calendarSource}, ...) are this function with the type fixed.
 *
 * @example
 * ```ts
 * const cal = eventSource("calendar", { name: "calendar", events: { "every-10s": { interval: "10s" } } });
 * ```
 */
export function eventSource<T extends SourceType, E extends string>(
  type: T,
  options: EventSourceOptions<T, E>,
): EventSourceObject<E> {
  const [meta, rest] = splitMetadata(options);
  const { events, service, template, replicas, eventBus } = rest;
  const handles: Record<string, EventHandle> = {};
  for (const e of Object.keys(events)) handles[e] = event(meta.name, e);
  const manifest = (): EventSource => ({
    apiVersion: "argoproj.io/v1alpha1",
    kind: "EventSource",
    metadata: objectMeta(meta),
    spec: defined({
      eventBusName: typeof eventBus === "string" ? eventBus : eventBus?.name,
      replicas,
      template,
      service,
      [type]: structuredClone(events),
    }) as EventSourceSpec,
  });
  return {
    [EVENTS_BRAND.eventSource]: true,
    [MANIFESTS]: () => [manifest()],
    name: meta.name,
    type,
    events: handles as { readonly [K in E]: EventHandle },
    manifest,
  };
}

/**
 * A reference to an `EventSource` defined elsewhere (another repository, or applied by hand): its name and
 * event names, so Sensors can depend on it with the same compile-time checks. Emits no manifest.
 *
 * @example
 * ```ts
 * const github = externalEventSource("github", ["example"]);
 * sensor({ name: "on-push", dependencies: { push: github.events.example }, triggers: [logTrigger("log", {})] });
 * ```
 */
export function externalEventSource<const E extends string>(
  name: string,
  events: readonly E[],
): { readonly name: string; readonly events: { readonly [K in E]: EventHandle } } {
  const handles: Record<string, EventHandle> = {};
  for (const e of events) handles[e] = event(name, e);
  return { name, events: handles as { readonly [K in E]: EventHandle } };
}
