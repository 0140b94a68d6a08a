/**
 * A sensor: Argo Events' example `examples/sensors/storage-grid.yaml`, in TypeScript.
 *
 *   npx wfc build examples/events/sensors__storage-grid.ts
 */
import { k8sTrigger, sensor } from "@wfc/events";
import { storageGrid } from "./event-sources__storage-grid.js";

export const storageGridSensor = sensor({
  name: "storage-grid",
  template: { serviceAccountName: "operate-workflow-sa" },
  dependencies: {
    "test-dep": storageGrid.events.example,
  },
  triggers: (deps) => [
    k8sTrigger("argo-workflow", {
      operation: "create",
      source: {
        resource: {
          apiVersion: "argoproj.io/v1alpha1",
          kind: "Workflow",
          metadata: { generateName: "storage-grid-wf-" },
          spec: {
            entrypoint: "print-message",
            arguments: { parameters: [{ name: "message", value: "hello world" }] },
            templates: [
              {
                name: "print-message",
                inputs: { parameters: [{ name: "message" }] },
                container: { image: "busybox", command: ["echo"], args: ["{{inputs.parameters.message}}"] },
              },
            ],
          },
        },
      },
      parameters: [deps["test-dep"].data("body").to("spec.arguments.parameters.0.value")],
    }),
  ],
});
