/**
 * A sensor: Argo Events' example `examples/sensors/time-filter-webhook.yaml`, in TypeScript.
 *
 *   npx wfc build examples/events/sensors__time-filter-webhook.ts
 */
import { externalEventSource, k8sTrigger, sensor } from "@wfc/events";

const webhook = externalEventSource("webhook", ["example", "example1"]);

export const timeFilterWebhookSensor = sensor({
  name: "time-filter-webhook",
  template: { serviceAccountName: "operate-workflow-sa" },
  dependencies: {
    "test-dep": webhook.events.example.filter({ time: { start: "22:14:05", stop: "23:04:05" } }),
    "test-another-dep": webhook.events.example1.filter({ time: { start: "23:34:05", stop: "00:24:05" } }),
  },
  triggers: [
    k8sTrigger("hello-world-workflow-trigger", {
      operation: "create",
      source: {
        resource: {
          apiVersion: "argoproj.io/v1alpha1",
          kind: "Workflow",
          metadata: { generateName: "time-filter-hello-world-" },
          spec: {
            entrypoint: "print-message",
            templates: [
              {
                container: { args: ["hello world"], command: ["echo"], image: "busybox" },
                name: "print-message",
              },
            ],
          },
        },
      },
    }),
  ],
});
