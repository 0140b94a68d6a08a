/**
 * A sensor: Argo Events' example `examples/sensors/gcp-pubsub.yaml`, in TypeScript.
 *
 *   npx wfc build examples/events/sensors__gcp-pubsub.ts
 */
import { externalEventSource, k8sTrigger, sensor } from "@wfc/events";

const gcpPubsub = externalEventSource("gcp-pubsub", ["example"]);

export const gcpPubsubSensor = sensor({
  name: "gcp-pubsub",
  template: { serviceAccountName: "operate-workflow-sa" },
  dependencies: {
    "test-dep": gcpPubsub.events.example,
  },
  triggers: (deps) => [
    k8sTrigger("gcp-workflow", {
      operation: "create",
      source: {
        resource: {
          apiVersion: "argoproj.io/v1alpha1",
          kind: "Workflow",
          metadata: { generateName: "gcp-workflow-" },
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
