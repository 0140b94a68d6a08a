/**
 * A sensor that runs a workflow for every Azure Queue Storage message: Argo Events' example
 * `examples/sensors/azure-queue-storage.yaml`, in TypeScript.
 *
 * The workflow is a wfc workflow object; the trigger embeds it and passes the event's body to its `message`
 * parameter.
 *
 *   npx wfc build examples/events/sensors__azure-queue-storage.ts
 */

import { k8sTrigger, sensor } from "@wfc/events";
import { container, param, workflow, z } from "@wfc/sdk";
import { azureQueueStorage } from "./event-sources__azure-queue-storage.js";

/** Prints its `message` input. */
const printMessage = container({ name: "print-message", inputs: { message: z.string() } }, ({ message }) => ({
  image: "busybox",
  command: ["echo"],
  args: [message],
}));

/** Prints the `message` the sensor passes it. */
const printAzureQueueStorageMessage = workflow({
  generateName: "azure-queue-storage-workflow-",
  // the value gets overridden by the event payload
  parameters: { message: param(z.string(), { value: "hello world" }) },
  entrypoint: printMessage,
});

export const azureQueueStorageSensor = sensor({
  name: "azure-queue-storage",
  template: { serviceAccountName: "operate-workflow-sa" },
  dependencies: {
    "test-dep": azureQueueStorage.events.example,
  },
  triggers: (deps) => [
    k8sTrigger("azure-queue-storage-workflow", {
      operation: "create",
      workflow: printAzureQueueStorageMessage,
      arguments: { message: deps["test-dep"].data("body") },
    }),
  ],
});
