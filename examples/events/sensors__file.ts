/**
 * A sensor: Argo Events' example `examples/sensors/file.yaml`, in TypeScript.
 *
 *   npx wfc build examples/events/sensors__file.ts
 */
import { k8sTrigger, sensor } from "@wfc/events";
import { file } from "./event-sources__file.js";

export const fileSensor = sensor({
  name: "file",
  template: { serviceAccountName: "operate-workflow-sa" },
  dependencies: {
    "test-dep": file.events.example,
  },
  triggers: (deps) => [
    k8sTrigger("file-workflow-trigger", {
      operation: "create",
      source: {
        resource: {
          apiVersion: "argoproj.io/v1alpha1",
          kind: "Workflow",
          metadata: { generateName: "file-watcher-" },
          spec: {
            entrypoint: "print-message",
            templates: [
              {
                container: { args: ["hello"], command: ["echo"], image: "busybox" },
                name: "print-message",
              },
            ],
          },
        },
      },
      parameters: [deps["test-dep"].data("name").to("spec.templates.0.container.args.0")],
    }, { retryStrategy: { steps: 3 } }),
  ],
});
