/**
 * Trigger sources: a workflow stored in a MinIO (S3) bucket: Argo Events' example
 * `examples/tutorials/03-trigger-sources/sensor-minio.yaml`, in TypeScript.
 *
 *   npx wfc build examples/events/tutorials__03-trigger-sources__sensor-minio.ts
 */
import { k8sTrigger, sensor } from "@wfc/events";
import { webhook } from "./event-sources__webhook.js";

export const webhookSensor = sensor({
  name: "webhook",
  template: { serviceAccountName: "operate-workflow-sa" },
  dependencies: {
    "test-dep": webhook.events.example,
  },
  triggers: [
    k8sTrigger("workflow-trigger", {
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
  ],
});
