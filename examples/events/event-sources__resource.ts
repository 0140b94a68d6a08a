/**
 * An event source of type `resource`: Argo Events' example `examples/event-sources/resource.yaml`, in TypeScript.
 *
 *   npx wfc build examples/events/event-sources__resource.ts
 */
import { resourceSource } from "@wfc/events";

export const resource = resourceSource({
  name: "resource",
  template: { serviceAccountName: "your-service-account" },
  events: {
    example: {
      namespace: "argo-events",
      group: "argoproj.io",
      version: "v1alpha1",
      resource: "workflows",
      eventTypes: ["ADD"],
      filter: { afterStart: true, labels: [{ key: "app", operation: "==", value: "my-workflow" }] },
    },
  },
});
