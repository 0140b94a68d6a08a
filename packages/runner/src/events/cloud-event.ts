/**
 * An event as Argo Events carries it on the bus: a CloudEvents context (`source` is the
 * EventSource's name, `subject` the event's name, `type` the source type) and JSON data shaped by
 * the source type (a webhook's `{ header, body }`, a calendar's `{ eventTime }`, a bus message's
 * `{ ..., body }`).
 */
import { randomUUID } from "node:crypto";

/** The CloudEvents context of an event (Argo Events' `EventContext`, with its JSON field names). */
export interface EventContext {
  readonly id: string;
  readonly source: string;
  readonly specversion: string;
  readonly type: string;
  readonly datacontenttype: string;
  readonly subject: string;
  /** RFC 3339. */
  readonly time: string;
}

/**
 * One event: its context and its data (a parsed JSON value).
 *
 * @example
 * ```ts
 * const e: LocalEvent = localEvent({ source: "messages", subject: "file-uploaded", type: "webhook", data: { header: {}, body: { path: "a.csv" } } });
 * ```
 */
export interface LocalEvent {
  readonly context: EventContext;
  readonly data: unknown;
}

/** What {@link localEvent} needs. */
export interface LocalEventInit {
  /** The EventSource's name. */
  readonly source: string;
  /** The event's name in that EventSource. */
  readonly subject: string;
  /** The source type (`webhook`, `calendar`, `nats`, ...). */
  readonly type: string;
  readonly data: unknown;
  /** @default now */
  readonly time?: Date;
  /** @default a random UUID */
  readonly id?: string;
}

/**
 * Makes a {@link LocalEvent} (specversion 1.0, `application/json`).
 *
 * @example
 * ```ts
 * localEvent({ source: "calendar", subject: "example-with-interval", type: "calendar", data: { eventTime: "2026-12-01 10:00:00 +0000 UTC" } });
 * ```
 */
export function localEvent(init: LocalEventInit): LocalEvent {
  return {
    context: {
      id: init.id ?? randomUUID(),
      source: init.source,
      specversion: "1.0",
      type: init.type,
      datacontenttype: "application/json",
      subject: init.subject,
      time: (init.time ?? new Date()).toISOString(),
    },
    data: init.data,
  };
}
