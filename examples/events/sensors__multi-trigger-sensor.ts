/**
 * A sensor: Argo Events' example `examples/sensors/multi-trigger-sensor.yaml`, in TypeScript.
 *
 *   npx wfc build examples/events/sensors__multi-trigger-sensor.ts
 */
import { k8sTrigger, sensor } from "@wfc/events";
import { webhook } from "./event-sources__webhook.js";

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
      source: {
        resource: {
          apiVersion: "argoproj.io/v1alpha1",
          kind: "Workflow",
          metadata: { generateName: "hello-world-" },
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
