/**
 * A sensor that sends a message to an Azure Service Bus queue for every webhook call: Argo Events' example
 * `examples/sensors/azure-service-bus-sensor.yaml`, in TypeScript.
 *
 *   npx wfc build examples/events/sensors__azure-service-bus-sensor.ts
 */
import { azureServiceBusTrigger, sensor } from "@wfc/events";
import { webhook } from "./event-sources__webhook.js";

export const azureServiceBusSensorSensor = sensor({
  name: "azure-service-bus-sensor",
  dependencies: {
    "test-dep": webhook.events.example,
  },
  triggers: (deps) => [
    azureServiceBusTrigger("azure-service-bus-trigger", {
      queueName: "queue",
      connectionString: { name: "azure-service-bus", key: "connectionString" },
      payload: [deps["test-dep"].data("body.message").to("message")],
    }),
  ],
});
