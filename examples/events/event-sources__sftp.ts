/**
 * An event source of type `sftp`: Argo Events' example `examples/event-sources/sftp.yaml`, in TypeScript.
 *
 *   npx wfc build examples/events/event-sources__sftp.ts
 */
import { sftpSource } from "@wfc/events";

export const sftp = sftpSource({
  name: "sftp",
  template: {
    container: { volumeMounts: [{ mountPath: "/test-data", name: "test-data" }] },
    volumes: [{ name: "test-data", emptyDir: {} }],
  },
  events: {
    example: {
      username: { key: "username", name: "username" },
      password: { key: "password", name: "password" },
      address: { key: "address", name: "address" },
      watchPathConfig: { directory: "/test-data/", path: "x.txt" },
      pollIntervalDuration: "10s",
      eventType: "CREATE",
    },
  },
});
