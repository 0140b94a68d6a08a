/**
 * A sensor: Argo Events' example `examples/sensors/aws-sqs.yaml`, in TypeScript.
 *
 *   npx wfc build examples/events/sensors__aws-sqs.ts
 */
import { k8sTrigger, sensor } from "@wfc/events";
import { awsSqs } from "./event-sources__aws-sqs.js";

export const awsSqsSensor = sensor({
  name: "aws-sqs",
  template: { serviceAccountName: "operate-workflow-sa" },
  dependencies: {
    "test-dep": awsSqs.events.example,
  },
  triggers: (deps) => [
    k8sTrigger("sqs-workflow", {
      operation: "create",
      source: {
        resource: {
          apiVersion: "argoproj.io/v1alpha1",
          kind: "Workflow",
          metadata: { generateName: "aws-sqs-workflow-" },
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
