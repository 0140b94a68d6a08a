/**
 * A sensor: Argo Events' example `examples/sensors/azure-service-bus.yaml`, in TypeScript.
 *
 *   npx wfc build examples/events/sensors__azure-service-bus.ts
 */
import { k8sTrigger, sensor } from "@wfc/events";
import { azureServiceBus } from "./event-sources__azure-service-bus.js";

export const azureServiceBusSensor = sensor({
  name: "azure-service-bus",
  template: { serviceAccountName: "operate-workflow-sa" },
  dependencies: {
    "test-dep": azureServiceBus.events.example,
  },
  triggers: (deps) => [
    k8sTrigger("service-bus-workflow", {
      operation: "create",
      source: {
        resource: {
          apiVersion: "argoproj.io/v1alpha1",
          kind: "Workflow",
          metadata: { generateName: "azure-service-bus-workflow-" },
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
