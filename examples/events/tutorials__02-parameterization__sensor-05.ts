/**
 * A sensor: Argo Events' example `examples/tutorials/02-parameterization/sensor-05.yaml`, in TypeScript.
 *
 *   npx wfc build examples/events/tutorials__02-parameterization__sensor-05.ts
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
      parameters: [
        {
          src: { dependencyName: "THIS_WILL_BE_REPLACED", dataKey: "THIS_WILL_BE_REPLACED" },
          dest: "THIS_WILL_BE_REPLACED",
        },
      ],
    }, {
      parameters: [
        deps["test-dep"].data("body.dependencyName").to("argoWorkflow.parameters.0.src.dependencyName"),
        deps["test-dep"].data("body.dataKey").to("argoWorkflow.parameters.0.src.dataKey"),
        deps["test-dep"].data("body.dest").to("argoWorkflow.parameters.0.dest"),
      ],
    }),
  ],
});
