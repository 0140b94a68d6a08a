/**
 * A sensor that runs a workflow for every Azure Service Bus message: Argo Events' example
 * `examples/sensors/azure-service-bus.yaml`, in TypeScript.
 *
 * The workflow is a wfc workflow object; the trigger embeds it and passes the event's body to its `message`
 * parameter.
 *
 *   npx wfc build examples/events/sensors__azure-service-bus.ts
 */

import { k8sTrigger, sensor } from "@wfc/events";
import { container, param, workflow, z } from "@wfc/sdk";
import { azureServiceBus } from "./event-sources__azure-service-bus.js";

/** Prints its `message` input. */
const printMessage = container({ name: "print-message", inputs: { message: z.string() } }, ({ message }) => ({
  image: "busybox",
  command: ["echo"],
  args: [message],
}));

/** Prints the `message` the sensor passes it. */
const printAzureServiceBusMessage = workflow({
  generateName: "azure-service-bus-workflow-",
  // the value gets overridden by the event payload
  parameters: { message: param(z.string(), { value: "hello world" }) },
  entrypoint: printMessage,
});

export const azureServiceBusSensor = sensor({
  name: "azure-service-bus",
  template: { serviceAccountName: "operate-workflow-sa" },
  dependencies: {
    "test-dep": azureServiceBus.events.example,
  },
  triggers: (deps) => [
    k8sTrigger("service-bus-workflow", {
      operation: "create",
      workflow: printAzureServiceBusMessage,
      arguments: { message: deps["test-dep"].data("body") },
    }),
  ],
});
