/**
 * An event source of type `stripe`: Argo Events' example `examples/event-sources/stripe.yaml`, in TypeScript.
 *
 * Differs from upstream: remove `spec.stripe.example.namespace` (StripeEventSource has no namespace (the secret is read from the event source's namespace)).
 *
 *   npx wfc build examples/events/event-sources__stripe.ts
 */
import { stripeSource } from "@wfc/events";

export const stripe = stripeSource({
  name: "stripe",
  service: { ports: [{ port: 12000, targetPort: 12000 }] },
  events: {
    example: {
      webhook: { port: "12000", endpoint: "/example", method: "POST", url: "http://myfakeurl.fake" },
      createWebhook: true,
      apiKey: { name: "secret_containing_api_key", key: "key_within_secret_that_holds_api_key" },
    },
  },
});
