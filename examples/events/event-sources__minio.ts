/**
 * An event source of type `minio`: Argo Events' example `examples/event-sources/minio.yaml`, in TypeScript.
 *
 *   npx wfc build examples/events/event-sources__minio.ts
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
