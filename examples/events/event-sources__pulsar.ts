/**
 * An event source of type `pulsar`: Argo Events' example `examples/event-sources/pulsar.yaml`, in TypeScript.
 *
 *   npx wfc build examples/events/event-sources__pulsar.ts
 */
import { pulsarSource } from "@wfc/events";

export const pulsar = pulsarSource({
  name: "pulsar",
  events: {
    example: { url: "pulsar://pulsar.argo-events.svc:6650", topics: ["test", "foo"], type: "exclusive" },
  },
});
