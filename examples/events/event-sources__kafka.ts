/**
 * An event source of type `kafka`: Argo Events' example `examples/event-sources/kafka.yaml`, in TypeScript.
 *
 *   npx wfc build examples/events/event-sources__kafka.ts
 */
import { kafkaSource } from "@wfc/events";

export const kafka = kafkaSource({
  name: "kafka",
  events: {
    example: {
      url: "kafka.argo-events:9092",
      topic: "topic-2",
      jsonBody: true,
      partition: "1",
      connectionBackoff: { duration: "10s", steps: 5, factor: 2, jitter: 0.2 },
    },
  },
});
