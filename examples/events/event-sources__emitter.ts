/**
 * An event source of type `emitter`: Argo Events' example `examples/event-sources/emitter.yaml`, in TypeScript.
 *
 *   npx wfc build examples/events/event-sources__emitter.ts
 */
import { emitterSource } from "@wfc/events";

export const emitter = emitterSource({
  name: "emitter",
  events: {
    example: {
      broker: "tcp://broker.argo-events.svc:4000",
      channelName: "hello",
      channelKey: "channel_key",
      jsonBody: true,
      connectionBackoff: { duration: "10s", steps: 5, factor: 2, jitter: 0.2 },
    },
  },
});
