/**
 * An event source of type `azureServiceBus`: Argo Events' example `examples/event-sources/azure-service-bus.yaml`, in TypeScript.
 *
 *   npx wfc build examples/events/event-sources__azure-service-bus.ts
 */
import { azureServiceBusSource } from "@wfc/events";

export const azureServiceBus = azureServiceBusSource({
  name: "azure-service-bus",
  events: {
    example: {
      queueName: "test",
      jsonBody: true,
      connectionString: { key: "connectionstring", name: "azure-secret" },
    },
  },
});
