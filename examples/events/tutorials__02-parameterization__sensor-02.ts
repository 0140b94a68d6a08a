/**
 * A sensor: Argo Events' example `examples/tutorials/02-parameterization/sensor-02.yaml`, in TypeScript.
 *
 *   npx wfc build examples/events/tutorials__02-parameterization__sensor-02.ts
 */
import { argoWorkflowTrigger, sensor } from "@wfc/events";
import { webhook } from "./event-sources__webhook.js";

export const webhookSensor = sensor({
  name: "webhook",
  template: { serviceAccountName: "operate-workflow-sa" },
  dependencies: {
    "test-dep": webhook.events.example,
  },
  triggers: (deps) => [
    argoWorkflowTrigger("webhook-workflow-trigger", {
      operation: "submit",
      source: {
        resource: {
          apiVersion: "argoproj.io/v1alpha1",
          kind: "Workflow",
          metadata: { generateName: "webhook-" },
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
      parameters: [deps["test-dep"].data("body.message").to("spec.arguments.parameters.0.value")],
    }),
  ],
});
