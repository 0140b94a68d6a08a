/**
 * A sensor that publishes a NATS message for every MinIO event: Argo Events' example
 * `examples/sensors/trigger-nats-messages.yaml`, in TypeScript.
 *
 *   npx wfc build examples/events/sensors__trigger-nats-messages.ts
 */
import { natsTrigger, sensor } from "@wfc/events";
import { minio } from "./event-sources__minio.js";

export const triggerNatsMessagesSensor = sensor({
  name: "trigger-nats-messages",
  dependencies: {
    "test-dep": minio.events.example,
  },
  triggers: (deps) => [
    natsTrigger("nats-trigger", {
      url: "nats.argo-events.svc:4222",
      subject: "minio-events",
      payload: [
        deps["test-dep"].data("notification.0.s3.object.key").to("fileName"),
        deps["test-dep"].data("notification.0.s3.bucket.name").to("bucket"),
      ],
    }),
  ],
});
