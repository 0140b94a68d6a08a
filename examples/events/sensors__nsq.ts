/**
 * A sensor: Argo Events' example `examples/sensors/nsq.yaml`, in TypeScript.
 *
 *   npx wfc build examples/events/sensors__nsq.ts
 */
import { k8sTrigger, sensor } from "@wfc/events";
import { nsq } from "./event-sources__nsq.js";

export const nsqSensor = sensor({
  name: "nsq",
  template: { serviceAccountName: "operate-workflow-sa" },
  dependencies: {
    "test-dep": nsq.events.example,
  },
  triggers: (deps) => [
    k8sTrigger("workflow-trigger", {
      operation: "create",
      source: {
        resource: {
          apiVersion: "argoproj.io/v1alpha1",
          kind: "Workflow",
          metadata: { generateName: "nsq-" },
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
