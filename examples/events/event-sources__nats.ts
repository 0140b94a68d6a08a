/**
 * An event source of type `nats`: Argo Events' example `examples/event-sources/nats.yaml`, in TypeScript.
 *
 *   npx wfc build examples/events/event-sources__nats.ts
 */
import { natsSource } from "@wfc/events";

export const nats = natsSource({
  name: "nats",
  events: {
    example: {
      url: "nats://nats.argo-events.svc:4222",
      jsonBody: true,
      subject: "foo",
      connectionBackoff: { duration: "10s", steps: 5, factor: 2, jitter: 0.2 },
    },
  },
});
