/**
 * A sensor: Argo Events' example `examples/sensors/slack.yaml`, in TypeScript.
 *
 *   npx wfc build examples/events/sensors__slack.ts
 */
import { externalEventSource, k8sTrigger, sensor } from "@wfc/events";

const slack = externalEventSource("slack", ["example-insecure"]);

export const slackSensor = sensor({
  name: "slack",
  template: { serviceAccountName: "operate-workflow-sa" },
  dependencies: {
    "test-dep": slack.events["example-insecure"],
  },
  triggers: (deps) => [
    k8sTrigger("slack-workflow", {
      operation: "create",
      source: {
        resource: {
          apiVersion: "argoproj.io/v1alpha1",
          kind: "Workflow",
          metadata: { generateName: "slack-" },
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
