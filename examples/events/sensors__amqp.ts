/**
 * A sensor: Argo Events' example `examples/sensors/amqp.yaml`, in TypeScript.
 *
 *   npx wfc build examples/events/sensors__amqp.ts
 */
import { k8sTrigger, sensor } from "@wfc/events";
import { amqp } from "./event-sources__amqp.js";

export const amqpSensor = sensor({
  name: "amqp",
  template: { serviceAccountName: "operate-workflow-sa" },
  dependencies: {
    "test-dep": amqp.events.example,
  },
  triggers: (deps) => [
    k8sTrigger("amqp-workflow-trigger", {
      operation: "create",
      source: {
        resource: {
          apiVersion: "argoproj.io/v1alpha1",
          kind: "Workflow",
          metadata: { generateName: "amqp-" },
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
