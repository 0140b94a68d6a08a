/**
 * A sensor that invokes an OpenWhisk action for every MinIO event: Argo Events' example
 * `examples/sensors/trigger-openwhisk.yaml`, in TypeScript.
 *
 * Differs from upstream: rename `spec.triggers.0.template.openwhisk` to `openWhisk` (the trigger is `openWhisk`).
 *
 *   npx wfc build examples/events/sensors__trigger-openwhisk.ts
 */
import { openWhiskTrigger, sensor } from "@wfc/events";
import { minio } from "./event-sources__minio.js";

export const triggerOpenwhiskSensor = sensor({
  name: "trigger-openwhisk",
  dependencies: {
    "test-dep": minio.events.example,
  },
  triggers: (deps) => [
    openWhiskTrigger("openwhisk-trigger", {
      host: "openwhisk.argo-events.svc:9000",
      actionName: "hello",
      payload: [
        deps["test-dep"].data("notification.0.s3.bucket.name").to("bucket"),
        deps["test-dep"].context("type").to("type"),
      ],
    }),
  ],
});
