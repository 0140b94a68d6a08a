/**
 * A sensor: Argo Events' example `examples/sensors/azure-queue-storage.yaml`, in TypeScript.
 *
 *   npx wfc build examples/events/sensors__azure-queue-storage.ts
 */
import { k8sTrigger, sensor } from "@wfc/events";
import { azureQueueStorage } from "./event-sources__azure-queue-storage.js";

export const azureQueueStorageSensor = sensor({
  name: "azure-queue-storage",
  template: { serviceAccountName: "operate-workflow-sa" },
  dependencies: {
    "test-dep": azureQueueStorage.events.example,
  },
  triggers: (deps) => [
    k8sTrigger("azure-queue-storage-workflow", {
      operation: "create",
      source: {
        resource: {
          apiVersion: "argoproj.io/v1alpha1",
          kind: "Workflow",
          metadata: { generateName: "azure-queue-storage-workflow-" },
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
