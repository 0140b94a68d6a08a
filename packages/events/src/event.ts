import { EVENTS_BRAND, hasEventsBrand } from "./brand.js";
import type { EventDependency, EventDependencyFilter, EventDependencyTransformer } from "./types.gen.js";

/**
 * What a Sensor dependency waits for: an event of an event source, optionally filtered and transformed.
 * `P` is the event payload's type when declared with {@link Dependency.payload} (`unknown` otherwise); it types
 * the `dataKey` paths a trigger maps to workflow parameters.
 *
 * @example
 * ```ts
 * const big = hooks.events.example
 *   .payload<{ body: { value: number } }>()
 *   .filter({ data: [{ path: "body.value", type: "number", comparator: ">", value: ["50"] }] });
 * ```
 */
export interface Dependency<P = unknown> {
  readonly [EVENTS_BRAND.dependency]: true;
  /** Type-level only: the payload type. */
  readonly __payload?: P;
  /** `eventSourceName`. */
  readonly eventSourceName: string;
  /** `eventName`. */
  readonly eventName: string;
  /** The dependency fields other than its name (`eventSourceName`, `eventName`, `filters`, ...). */
  readonly spec: Omit<EventDependency, "name">;
  /** Adds filters (merged with those already set; lists are appended). */
  filter(filters: EventDependencyFilter, logicalOperator?: "and" | "or"): Dependency<P>;
  /** Sets `transform` (a jq expression or a Lua script applied to the event). */
  transform(transform: EventDependencyTransformer): Dependency<P>;
  /** Declares the payload type (type-level only), so trigger parameter paths are checked. */
  payload<T>(): Dependency<T>;
}

/**
 * The handle of one event of an event source: a {@link Dependency} with no filter.
 *
 * @example
 * ```ts
 * const hooks = webhookSource({ name: "webhook", events: { example: { port: "12000", endpoint: "/example", method: "POST" } } });
 * const handle: EventHandle = hooks.events.example;
 * ```
 */
export type EventHandle = Dependency<unknown>;

/**
 * True when `value` is a {@link Dependency} (or an {@link EventHandle}).
 *
 * @example
 * ```ts
 * if (isDependency(value)) console.log(value.eventSourceName, value.eventName);
 * ```
 */
export function isDependency(value: unknown): value is Dependency {
  return hasEventsBrand(value, EVENTS_BRAND.dependency);
}

function mergeFilters(a: EventDependencyFilter | undefined, b: EventDependencyFilter): EventDependencyFilter {
  if (!a) return structuredClone(b);
  const out: EventDependencyFilter = { ...a, ...structuredClone(b) };
  if (a.data && b.data) out.data = [...a.data, ...structuredClone(b.data)];
  if (a.exprs && b.exprs) out.exprs = [...a.exprs, ...structuredClone(b.exprs)];
  return out;
}

function dependency<P>(spec: Omit<EventDependency, "name">): Dependency<P> {
  return {
    [EVENTS_BRAND.dependency]: true,
    eventSourceName: spec.eventSourceName,
    eventName: spec.eventName,
    spec,
    filter(filters, logicalOperator) {
      const next = { ...spec, filters: mergeFilters(spec.filters, filters) };
      if (logicalOperator) next.filtersLogicalOperator = logicalOperator;
      return dependency<P>(next);
    },
    transform(transform) {
      return dependency<P>({ ...spec, transform: { ...transform } });
    },
    payload<T>() {
      return dependency<T>(spec);
    },
  };
}

/**
 * The handle of event `eventName` of the event source named `eventSourceName`. Event source objects make
 * these for you (`source.events.<name>`); this is for tools.
 *
 * @example
 * ```ts
 * const dep = event("webhook", "example");
 * ```
 */
export function event(eventSourceName: string, eventName: string): EventHandle {
  return dependency<unknown>({ eventSourceName, eventName });
}
