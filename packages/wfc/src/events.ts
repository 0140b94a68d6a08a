/**
 * # wfc/events
 *
 * Argo Events: EventSources, Sensors and EventBuses (`@wfc/events`), re-exported.
 *
 * @packageDocumentation
 */

export * from "@wfc/events";
