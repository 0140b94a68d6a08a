/**
 * An event source of type `storageGrid`: Argo Events' example `examples/event-sources/storage-grid.yaml`, in TypeScript.
 *
 *   npx wfc build examples/events/event-sources__storage-grid.ts
 */
import { storageGridSource } from "@wfc/events";

export const storageGrid = storageGridSource({
  name: "storage-grid",
  service: { ports: [{ port: 8080, targetPort: 8080 }] },
  events: {
    example: {
      webhook: { port: "8080", method: "POST", endpoint: "/", url: "event-source-url" },
      events: ["s3:ObjectCreated:*"],
      topicArn: "topic arn",
      bucket: "name of the bucket",
      apiURL: "storagegrid api url",
      authToken: {
        name: "name of k8s secret that holds storagegrid auth token",
        key: "key within secret that holds the token value",
      },
    },
  },
});
