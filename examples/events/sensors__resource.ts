/**
 * A sensor: Argo Events' example `examples/sensors/resource.yaml`, in TypeScript.
 *
 *   npx wfc build examples/events/sensors__resource.ts
 */
import { k8sTrigger, sensor } from "@wfc/events";
import { resource } from "./event-sources__resource.js";

export const resourceSensor = sensor({
  name: "resource",
  template: { serviceAccountName: "operate-workflow-sa" },
  dependencies: {
    "test-dep": resource.events.example,
  },
  triggers: (deps) => [
    k8sTrigger("argo-workflow", {
      operation: "create",
      source: {
        resource: {
          apiVersion: "argoproj.io/v1alpha1",
          kind: "Workflow",
          metadata: { generateName: "resource-workflow-", labels: { app: "resource-workflow" } },
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
    }, { retryStrategy: { steps: 3 } }),
  ],
});
