/**
 * An event source of type `minio`: Argo Events' example `examples/tutorials/09-http-trigger/minio-event-source.yaml`, in TypeScript.
 *
 * Differs from upstream: remove `spec.type` (EventSourceSpec has no `type` (the type is the key, `minio`)).
 *
 *   npx wfc build examples/events/tutorials__09-http-trigger__minio-event-source.ts
 */
import { minioSource } from "@wfc/events";

export const minioEventSourceEvents = minioSource({
  name: "minio-event-source",
  events: {
    example: {
      bucket: { name: "test" },
      endpoint: "minio-service.argo-events:9000",
      insecure: true,
      events: ["s3:ObjectCreated:Put"],
      accessKey: { key: "accesskey", name: "artifact-minio" },
      secretKey: { key: "secretkey", name: "artifact-minio" },
    },
  },
});
