/**
 * A sensor whose trigger is parameterized as a whole: its name and the S3 bucket and key of the workflow it
 * creates come from the event: Argo Events' example `examples/sensors/complete-trigger-parameterization.yaml`, in
 * TypeScript.
 *
 *   npx wfc build examples/events/sensors__complete-trigger-parameterization.ts
 */
import { k8sTrigger, sensor } from "@wfc/events";
import { webhook } from "./event-sources__webhook.js";

export const completeTriggerParameterizationSensor = sensor({
  name: "complete-trigger-parameterization",
  template: { serviceAccountName: "operate-workflow-sa" },
  dependencies: {
    "test-dep": webhook.events.example,
  },
  triggers: (deps) => [
    k8sTrigger(
      "THIS_WILL_BE_REPLACED_BY_NAME_FROM_EVENT",
      {
        operation: "create",
        source: {
          s3: {
            bucket: {
              name: "THIS_WILL_BE_REPLACED_BUCKET_FROM_EVENT",
              key: "THIS_WILL_BE_REPLACED_KEY_FROM_EVENT",
            },
            endpoint: "minio-service.argo-events:9000",
            insecure: true,
            accessKey: { key: "accesskey", name: "artifacts-minio" },
            secretKey: { key: "secretkey", name: "artifacts-minio" },
          },
        },
        parameters: [
          deps["test-dep"].data("namespace").to("metadata.namespace"),
          deps["test-dep"].data("image").to("spec.templates.0.container.image"),
        ],
      },
      {
        parameters: [
          deps["test-dep"].data("name").to("name"),
          deps["test-dep"].data("bucket").to("k8s.source.s3.bucket.name"),
          deps["test-dep"].data("key").to("k8s.source.s3.bucket.key"),
          deps["test-dep"].data("port").to("k8s.source.s3.endpoint", "append"),
        ],
      },
    ),
  ],
});
