/**
 * A sensor: Argo Events' example `examples/sensors/aws-sns.yaml`, in TypeScript.
 *
 *   npx wfc build examples/events/sensors__aws-sns.ts
 */
import { k8sTrigger, sensor } from "@wfc/events";
import { awsSns } from "./event-sources__aws-sns.js";

export const awsSnsSensor = sensor({
  name: "aws-sns",
  template: { serviceAccountName: "operate-workflow-sa" },
  dependencies: {
    "test-dep": awsSns.events.example,
  },
  triggers: (deps) => [
    k8sTrigger("sns-workflow", {
      operation: "create",
      source: {
        resource: {
          apiVersion: "argoproj.io/v1alpha1",
          kind: "Workflow",
          metadata: { generateName: "aws-sns-worfklow-" },
          spec: {
            entrypoint: "main",
            arguments: { parameters: [{ name: "message" }] },
            templates: [
              {
                name: "main",
                dag: {
                  tasks: [
                    {
                      name: "extract-message",
                      template: "extract-sns-message",
                      arguments: {
                        parameters: [{ name: "sns-message", value: "{{workflow.parameters.message}}" }],
                      },
                    },
                    {
                      name: "print-message",
                      dependencies: ["extract-message"],
                      template: "print-message",
                      arguments: {
                        parameters: [{ name: "message", value: "{{tasks.extract-message.outputs.result}}" }],
                      },
                    },
                  ],
                },
              },
              {
                name: "extract-sns-message",
                inputs: { parameters: [{ name: "sns-message" }] },
                script: {
                  image: "node:12-alpine",
                  command: ["node"],
                  source: `const snsMessage = {{inputs.parameters.sns-message}};
console.log(snsMessage.Message);
`,
                },
              },
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
