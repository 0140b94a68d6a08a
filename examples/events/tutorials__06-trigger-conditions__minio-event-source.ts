/**
 * An event source of type `minio`: Argo Events' example `examples/tutorials/06-trigger-conditions/minio-event-source.yaml`, in TypeScript.
 *
 * Differs from upstream: remove `spec.type` (EventSourceSpec has no `type` (the type is the key, `minio`)).
 *
 *   npx wfc build examples/events/tutorials__06-trigger-conditions__minio-event-source.ts
 */
import { minioSource } from "@wfc/events";

export const minio = minioSource({
  name: "minio",
  events: {
    example: {
      bucket: { name: "input" },
      endpoint: "minio-service.argo-events:9000",
      events: ["s3:ObjectCreated:Put", "s3:ObjectRemoved:Delete"],
      insecure: true,
      accessKey: { key: "accesskey", name: "artifacts-minio" },
      secretKey: { key: "secretkey", name: "artifacts-minio" },
    },
  },
});
