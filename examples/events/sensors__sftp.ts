/**
 * A sensor: Argo Events' example `examples/sensors/sftp.yaml`, in TypeScript.
 *
 *   npx wfc build examples/events/sensors__sftp.ts
 */
import { k8sTrigger, sensor } from "@wfc/events";
import { sftp } from "./event-sources__sftp.js";

export const sftpSensor = sensor({
  name: "sftp",
  template: { serviceAccountName: "operate-workflow-sa" },
  dependencies: {
    "test-dep": sftp.events.example,
  },
  triggers: (deps) => [
    k8sTrigger("sftp-workflow-trigger", {
      operation: "create",
      source: {
        resource: {
          apiVersion: "argoproj.io/v1alpha1",
          kind: "Workflow",
          metadata: { generateName: "sftp-watcher-" },
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
