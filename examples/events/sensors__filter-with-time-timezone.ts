/**
 * A sensor: Argo Events' example `examples/sensors/filter-with-time-timezone.yaml`, in TypeScript.
 *
 *   npx wfc build examples/events/sensors__filter-with-time-timezone.ts
 */
import { k8sTrigger, sensor } from "@wfc/events";
import { webhook } from "./event-sources__webhook.js";

export const filterWithTimeTimezoneSensor = sensor({
  name: "filter-with-time-timezone",
  template: { serviceAccountName: "operate-workflow-sa" },
  dependencies: {
    "test-dep": webhook.events.example.filter({ time: { start: "09:00:00", stop: "17:00:00", timezone: "America/New_York" } }),
  },
  triggers: [
    k8sTrigger("webhook-workflow-trigger", {
      operation: "create",
      source: {
        resource: {
          apiVersion: "argoproj.io/v1alpha1",
          kind: "Workflow",
          metadata: { generateName: "webhook-" },
          spec: {
            entrypoint: "whalesay",
            arguments: {
              parameters: [{ name: "message", value: "Triggered during business hours in New York!" }],
            },
            templates: [
              {
                name: "whalesay",
                inputs: { parameters: [{ name: "message" }] },
                container: {
                  image: "docker/whalesay:latest",
                  command: ["cowsay"],
                  args: ["{{inputs.parameters.message}}"],
                },
              },
            ],
          },
        },
      },
    }),
  ],
});
