/**
 * A sensor: Argo Events' example `examples/sensors/kafka.yaml`, in TypeScript.
 *
 *   npx wfc build examples/events/sensors__kafka.ts
 */
import { k8sTrigger, sensor } from "@wfc/events";
import { kafka } from "./event-sources__kafka.js";

export const kafkaSensor = sensor({
  name: "kafka",
  template: { serviceAccountName: "operate-workflow-sa" },
  dependencies: {
    "test-dep": kafka.events.example,
  },
  triggers: (deps) => [
    k8sTrigger("kafka-workflow-trigger", {
      operation: "create",
      source: {
        resource: {
          apiVersion: "argoproj.io/v1alpha1",
          kind: "Workflow",
          metadata: { generateName: "kafka-workflow-" },
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
