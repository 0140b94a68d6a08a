/**
 * An event source of type `webhook`: Argo Events' example `examples/event-sources/webhook.yaml`, in TypeScript.
 *
 *   npx wfc build examples/events/event-sources__webhook.ts
 */
import { webhookSource } from "@wfc/events";

export const webhook = webhookSource({
  name: "webhook",
  service: {
    ports: [{ port: 12000, targetPort: 12000 }],
    metadata: { labels: { foo: "bar" }, annotations: { foo: "bar" } },
  },
  events: { example: { port: "12000", endpoint: "/example", method: "POST" } },
});
