/**
 * Brands of `@wfc/events` objects, keyed with `Symbol.for(...)` so that two copies of the package loaded in
 * one process recognise each other's event sources, dependencies and triggers.
 *
 * @example
 * ```ts
 * if (hasEventsBrand(value, EVENTS_BRAND.trigger)) console.log("a trigger");
 * ```
 */
export const EVENTS_BRAND = {
  eventSource: Symbol.for("wfc.events.eventSource"),
  event: Symbol.for("wfc.events.event"),
  dependency: Symbol.for("wfc.events.dependency"),
  trigger: Symbol.for("wfc.events.trigger"),
  paramSource: Symbol.for("wfc.events.paramSource"),
  eventBus: Symbol.for("wfc.events.eventBus"),
} as const;

/** True when `value` is an object carrying the given brand. */
export function hasEventsBrand(value: unknown, brand: symbol): boolean {
  return (typeof value === "object" || typeof value === "function") && value !== null && brand in value;
}
