/**
 * A sensor whose dependencies pass only in a daily time window (one window crosses midnight): Argo Events' example
 * `examples/sensors/time-filter-webhook.yaml`, in TypeScript.
 *
 * The workflow is a wfc workflow object; the trigger embeds it.
 *
 *   npx wfc build examples/events/sensors__time-filter-webhook.ts
 */

import { externalEventSource, k8sTrigger, sensor } from "@wfc/events";
import { container, workflow } from "@wfc/sdk";

const webhook = externalEventSource("webhook", ["example", "example1"]);

/** Echoes "hello world". */
const printMessage = container(
  { name: "print-message" },
  { image: "busybox", command: ["echo"], args: ["hello world"] },
);

const helloWorld = workflow({ generateName: "time-filter-hello-world-", entrypoint: printMessage });

export const timeFilterWebhookSensor = sensor({
  name: "time-filter-webhook",
  template: { serviceAccountName: "operate-workflow-sa" },
  dependencies: {
    "test-dep": webhook.events.example.filter({ time: { start: "22:14:05", stop: "23:04:05" } }),
    // start > stop: stop is on the next day, so events pass only in the 50 minutes from 23:34:05
    "test-another-dep": webhook.events.example1.filter({ time: { start: "23:34:05", stop: "00:24:05" } }),
  },
  triggers: [
    k8sTrigger("hello-world-workflow-trigger", {
      operation: "create",
      workflow: helloWorld,
    }),
  ],
});
