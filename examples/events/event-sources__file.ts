/**
 * An event source of type `file`: Argo Events' example `examples/event-sources/file.yaml`, in TypeScript.
 *
 *   npx wfc build examples/events/event-sources__file.ts
 */
import { fileSource } from "@wfc/events";

export const file = fileSource({
  name: "file",
  template: {
    container: { volumeMounts: [{ mountPath: "/test-data", name: "test-data" }] },
    volumes: [{ name: "test-data", emptyDir: {} }],
  },
  events: {
    example: { watchPathConfig: { directory: "/test-data/", path: "x.txt" }, eventType: "CREATE" },
  },
});
