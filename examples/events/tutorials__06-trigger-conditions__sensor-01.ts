/**
 * Trigger conditions, step 1: one trigger per dependency: Argo Events' example
 * `examples/tutorials/06-trigger-conditions/sensor-01.yaml`, in TypeScript.
 *
 * Each trigger runs when its condition, a boolean expression over dependency names (e.g. `(dep01 && dep02) ||
 * dep03`), holds: the first on a webhook call, the second on a MinIO upload. The workflows are wfc workflow
 * objects the triggers embed; each trigger writes an event value over the echoed words.
 *
 *   npx wfc build examples/events/tutorials__06-trigger-conditions__sensor-01.ts
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

const group1 = workflow({ generateName: "group-1-", entrypoint: printMessage });
const group2 = workflow({ generateName: "group-2-", entrypoint: printMessage });

export const circuitSensor = sensor({
  name: "circuit",
  template: { serviceAccountName: "operate-workflow-sa" },
  dependencies: {
    "test-dep-webhook": webhook.events.example,
    "test-dep-minio": minio.events.example,
  },
  triggers: (deps) => [
    k8sTrigger(
      "workflow-trigger-1",
      {
        operation: "create",
        workflow: group1,
        parameters: [deps["test-dep-webhook"].data("body.message").to("spec.templates.0.container.args.0")],
      },
      { conditions: `${deps["test-dep-webhook"]}` },
    ),
    k8sTrigger(
      "workflow-trigger-2",
      {
        operation: "create",
        workflow: group2,
        parameters: [
          deps["test-dep-minio"].data("notification.0.s3.bucket.name").to("spec.templates.0.container.args.0"),
        ],
      },
      { conditions: `${deps["test-dep-minio"]}` },
    ),
  ],
});
