/**
 * A sensor: Argo Events' example `examples/tutorials/06-trigger-conditions/sensor-01.yaml`, in TypeScript.
 *
 *   npx wfc build examples/events/tutorials__06-trigger-conditions__sensor-01.ts
 */
import { k8sTrigger, sensor } from "@wfc/events";
import { minio } from "./event-sources__minio.js";
import { webhook } from "./event-sources__webhook.js";

export const circuitSensor = sensor({
  name: "circuit",
  template: { serviceAccountName: "operate-workflow-sa" },
  dependencies: {
    "test-dep-webhook": webhook.events.example,
    "test-dep-minio": minio.events.example,
  },
  triggers: (deps) => [
    k8sTrigger("workflow-trigger-1", {
      operation: "create",
      source: {
        resource: {
          apiVersion: "argoproj.io/v1alpha1",
          kind: "Workflow",
          metadata: { generateName: "group-1-" },
          spec: {
            entrypoint: "print-message",
            templates: [
              {
                name: "print-message",
                container: { args: ["hello world"], command: ["echo"], image: "busybox" },
              },
            ],
          },
        },
      },
      parameters: [deps["test-dep-webhook"].data("body.message").to("spec.templates.0.container.args.0")],
    }, { conditions: `${deps["test-dep-webhook"]}` }),
    k8sTrigger("workflow-trigger-2", {
      operation: "create",
      source: {
        resource: {
          apiVersion: "argoproj.io/v1alpha1",
          kind: "Workflow",
          metadata: { generateName: "group-2-" },
          spec: {
            entrypoint: "print-message",
            templates: [
              {
                name: "print-message",
                container: { args: ["hello world"], command: ["echo"], image: "busybox" },
              },
            ],
          },
        },
      },
      parameters: [
        deps["test-dep-minio"].data("notification.0.s3.bucket.name").to("spec.templates.0.container.args.0"),
      ],
    }, { conditions: `${deps["test-dep-minio"]}` }),
  ],
});
