/**
 * A sensor that sends an event to Azure Event Hubs for every webhook call: Argo Events' example
 * `examples/sensors/azure-event-hubs-sensor.yaml`, in TypeScript.
 *
 *   npx wfc build examples/events/sensors__azure-event-hubs-sensor.ts
 */
import { azureEventHubsTrigger, sensor } from "@wfc/events";
import { webhook } from "./event-sources__webhook.js";

export const azureEventHubsSensorSensor = sensor({
  name: "azure-event-hubs-sensor",
  dependencies: {
    "test-dep": webhook.events.example,
  },
  triggers: (deps) => [
    azureEventHubsTrigger("azure-eventhubs-trigger", {
      fqdn: "eventhubs_fqdn",
      sharedAccessKeyName: { name: "azure-event-hubs-secret", key: "sharedAccessKeyName" },
      sharedAccessKey: { name: "azure-event-hubs-secret", key: "sharedAccessKey" },
      hubName: "hub_name",
      payload: [deps["test-dep"].data("body.message").to("message")],
    }),
  ],
});
