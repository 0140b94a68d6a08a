/**
 * A sensor: Argo Events' example `examples/sensors/hdfs.yaml`, in TypeScript.
 *
 *   npx wfc build examples/events/sensors__hdfs.ts
 */
import { k8sTrigger, sensor } from "@wfc/events";
import { hdfs } from "./event-sources__hdfs.js";

export const hdfsSensor = sensor({
  name: "hdfs",
  template: { serviceAccountName: "operate-workflow-sa" },
  dependencies: {
    "test-dep": hdfs.events.example,
  },
  triggers: (deps) => [
    k8sTrigger("hdfs-workflow-trigger", {
      operation: "create",
      source: {
        resource: {
          apiVersion: "argoproj.io/v1alpha1",
          kind: "Workflow",
          metadata: { generateName: "hello-world-" },
          spec: {
            entrypoint: "print-message",
            templates: [
              {
                name: "print-message",
                container: { args: ["hello "], command: ["echo"], image: "busybox" },
              },
            ],
          },
        },
      },
      parameters: [deps["test-dep"].data("body").to("spec.templates.0.container.args.1")],
    }),
  ],
});
