/**
 * Trigger conditions, step 2: a trigger that waits for both dependencies: Argo Events' example
 * `examples/tutorials/06-trigger-conditions/sensor-02.yaml`, in TypeScript.
 *
 * The workflow is a wfc workflow object the trigger embeds; the trigger writes the webhook's message and the
 * uploaded file's bucket over the echoed words.
 *
 *   npx wfc build examples/events/tutorials__06-trigger-conditions__sensor-02.ts
 */

import { k8sTrigger, sensor } from "@wfc/events";
import { container, workflow } from "@wfc/sdk";
import { minio } from "./event-sources__minio.js";
import { webhook } from "./event-sources__webhook.js";

/** Echoes "hello world"; the trigger replaces the words with event values. */
const printMessage = container(
  { name: "print-message" },
  { image: "busybox", command: ["echo"], args: ["hello world"] },
);

const group1And2 = workflow({ generateName: "group-1-and-2-", entrypoint: printMessage });

export const circuitSensor = sensor({
  name: "circuit",
  template: { serviceAccountName: "operate-workflow-sa" },
  dependencies: {
    "test-dep-webhook": webhook.events.example,
    "test-dep-minio": minio.events.example,
  },
  triggers: (deps) => [
    k8sTrigger(
      "workflow-trigger",
      {
        operation: "create",
        workflow: group1And2,
        parameters: [
          deps["test-dep-webhook"].data("body.message").to("spec.templates.0.container.args.0"),
          deps["test-dep-minio"].data("notification.0.s3.bucket.name").to("spec.templates.0.container.args.1"),
        ],
      },
      { conditions: `${deps["test-dep-webhook"]} && ${deps["test-dep-minio"]}` },
    ),
  ],
});
