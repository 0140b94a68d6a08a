/**
 * HTTP trigger: a sensor that posts to a URL for every MinIO event: Argo Events' example
 * `examples/tutorials/09-http-trigger/sensor-02.yaml`, in TypeScript.
 *
 * Differs from upstream: rename `spec.triggers.0.template.http.serverURL` to `url` (HTTPTrigger's field is `url`).
 *
 *   npx wfc build examples/events/tutorials__09-http-trigger__sensor-02.ts
 */
import { httpTrigger, sensor } from "@wfc/events";
import { minio } from "./event-sources__minio.js";

export const minioSensor = sensor({
  name: "minio",
  dependencies: {
    "test-dep": minio.events.example,
  },
  triggers: (deps) => [
    httpTrigger(
      "http-trigger",
      {
        payload: [deps["test-dep"].data("s3.bucket.name").to("bucket"), deps["test-dep"].context("type").to("type")],
        method: "POST",
        url: "http://http-server.argo-events.svc:8090/hi",
      },
      { policy: { status: { allow: [200, 300] } } },
    ),
  ],
});
