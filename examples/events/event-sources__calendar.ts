/**
 * An event source of type `calendar`: Argo Events' example `examples/event-sources/calendar.yaml`, in TypeScript.
 *
 *   npx wfc build examples/events/event-sources__calendar.ts
 */
import { calendarSource } from "@wfc/events";

export const calendar = calendarSource({
  name: "calendar",
  events: { "example-with-interval": { interval: "10s" } },
});
