/**
 * An event source of type `nsq`: Argo Events' example `examples/event-sources/nsq.yaml`, in TypeScript.
 *
 *   npx wfc build examples/events/event-sources__nsq.ts
 */
import { nsqSource } from "@wfc/events";

export const nsq = nsqSource({
  name: "nsq",
  events: {
    example: {
      hostAddress: "nsqlookupd.argo-events.svc:4161",
      jsonBody: true,
      topic: "hello",
      channel: "my-channel",
      connectionBackoff: { duration: "10s", steps: 5, factor: 2, jitter: 0.2 },
    },
  },
});
