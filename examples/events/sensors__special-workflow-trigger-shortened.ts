/**
 * A sensor: Argo Events' example `examples/sensors/special-workflow-trigger-shortened.yaml`, in TypeScript.
 *
 *   npx wfc build examples/events/sensors__special-workflow-trigger-shortened.ts
 */
import { argoWorkflowTrigger, sensor } from "@wfc/events";
import { webhook } from "./event-sources__webhook.js";

export const specialWorkflowTriggerShortenedSensor = sensor({
  name: "special-workflow-trigger-shortened",
  template: { serviceAccountName: "operate-workflow-sa" },
  dependencies: {
    "test-dep": webhook.events.example,
  },
  triggers: (deps) => [
    argoWorkflowTrigger("argo-workflow-trigger", {
      operation: "submit",
      source: {
        resource: {
          apiVersion: "argoproj.io/v1alpha1",
          kind: "Workflow",
          metadata: { name: "special-trigger" },
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
