/**
 * A sensor: Argo Events' example `examples/sensors/stripe.yaml`, in TypeScript.
 *
 *   npx wfc build examples/events/sensors__stripe.ts
 */
import { k8sTrigger, sensor } from "@wfc/events";
import { stripe } from "./event-sources__stripe.js";

export const stripeSensor = sensor({
  name: "stripe",
  template: { serviceAccountName: "operate-workflow-sa" },
  dependencies: {
    "test-dep": stripe.events.example,
  },
  triggers: (deps) => [
    k8sTrigger("workflow-trigger", {
      operation: "create",
      source: {
        resource: {
          apiVersion: "argoproj.io/v1alpha1",
          kind: "Workflow",
          metadata: { generateName: "stripe-" },
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
