/**
 * An event source of type `azureQueueStorage`: Argo Events' example `examples/event-sources/azure-queue-storage.yaml`, in TypeScript.
 *
 *   npx wfc build examples/events/event-sources__azure-queue-storage.ts
 */
import { azureQueueStorageSource } from "@wfc/events";

export const azureQueueStorage = azureQueueStorageSource({
  name: "azure-queue-storage",
  events: {
    example: {
      queueName: "test",
      jsonBody: true,
      decodeMessage: false,
      waitTimeInSeconds: 2,
      connectionString: { key: "connectionstring", name: "azure-secret" },
    },
  },
});
