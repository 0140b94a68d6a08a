/**
 * A sensor that calls a URL for every MinIO event, with a payload built from the event: Argo Events' example
 * `examples/sensors/http-trigger.yaml`, in TypeScript.
 *
 *   npx wfc build examples/events/sensors__http-trigger.ts
 */
import { httpTrigger, sensor } from "@wfc/events";
import { minio } from "./event-sources__minio.js";

export const httpTriggerEventsSensor = sensor({
  name: "http-trigger",
  dependencies: {
    "test-dep": minio.events.example,
  },
  triggers: (deps) => [
    httpTrigger(
      "http-trigger",
      {
        url: "http://http-server.argo-events.svc:8090/hello",
        payload: [
          deps["test-dep"].data("notification.0.s3.bucket.name").to("bucket"),
          deps["test-dep"].context("type").to("type"),
        ],
        method: "POST",
      },
      { retryStrategy: { steps: 3, duration: "3s" } },
    ),
  ],
});
