/**
 * A sensor: Argo Events' example `examples/sensors/bitbucketserver.yaml`, in TypeScript.
 *
 *   npx wfc build examples/events/sensors__bitbucketserver.ts
 */
import { externalEventSource, k8sTrigger, sensor } from "@wfc/events";

const bitbucketserver = externalEventSource("bitbucketserver", ["example"]);

export const bitbucketserverSensor = sensor({
  name: "bitbucketserver",
  template: { serviceAccountName: "operate-workflow-sa" },
  dependencies: {
    "test-dep": bitbucketserver.events.example,
  },
  triggers: (deps) => [
    k8sTrigger("bitbucketserver-workflow-trigger", {
      operation: "create",
      source: {
        resource: {
          apiVersion: "argoproj.io/v1alpha1",
          kind: "Workflow",
          metadata: { generateName: "bitbucketserver-workflow-" },
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
      parameters: [deps["test-dep"].data().to("spec.arguments.parameters.0.value")],
    }),
  ],
});
