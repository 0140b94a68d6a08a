/**
 * An event source of type `generic`: Argo Events' example `examples/event-sources/generic.yaml`, in TypeScript.
 *
 *   npx wfc build examples/events/event-sources__generic.ts
 */
import { genericSource } from "@wfc/events";

export const generic = genericSource({
  name: "generic",
  events: {
    example: {
      insecure: true,
      url: "generic-event-source-server.argo-events.svc:8080",
      config: "key1: value1\nkey2: value2",
    },
  },
});
