/**
 * A sensor with two triggers for one dependency: Argo Events' example
 * `examples/sensors/multi-trigger-sensor.yaml`, in TypeScript.
 *
 * The first trigger creates the workflow stored in a MinIO bucket; the second, a wfc workflow object it embeds.
 *
 *   npx wfc build examples/events/sensors__multi-trigger-sensor.ts
 */

import { k8sTrigger, sensor } from "@wfc/events";
import { container, workflow } from "@wfc/sdk";
import { webhook } from "./event-sources__webhook.js";

/** Echoes "hello world". */
const printMessage = container(
  { name: "print-message" },
  { image: "busybox", command: ["echo"], args: ["hello world"] },
);

const helloWorld = workflow({ generateName: "hello-world-", entrypoint: printMessage });

export const multiTriggerSensorSensor = sensor({
  name: "multi-trigger-sensor",
  template: { serviceAccountName: "operate-workflow-sa" },
  dependencies: {
    "test-dependency": webhook.events.example,
  },
  triggers: [
    k8sTrigger("multi-trigger-workflow-1", {
      operation: "create",
      source: {
        s3: {
          bucket: { name: "workflows", key: "hello-world.yaml" },
          endpoint: "minio-service.argo-events:9000",
          insecure: true,
          accessKey: { key: "accesskey", name: "artifacts-minio" },
          secretKey: { key: "secretkey", name: "artifacts-minio" },
        },
      },
    }),
    k8sTrigger("multi-trigger-workflow-2", {
      operation: "create",
      workflow: helloWorld,
    }),
  ],
});
