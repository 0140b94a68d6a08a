/**
 * A sensor: Argo Events' example `examples/sensors/filter-with-data-simple-3.yaml`, in TypeScript.
 *
 *   npx wfc build examples/events/sensors__filter-with-data-simple-3.ts
 */
import { k8sTrigger, sensor } from "@wfc/events";
import { webhook } from "./event-sources__webhook.js";

export const withSimpleDataFilter3Sensor = sensor({
  name: "with-simple-data-filter-3",
  template: { serviceAccountName: "operate-workflow-sa" },
  dependencies: {
    "test-dep": webhook.events.example.filter({ data: [{ path: "body.value", type: "number", value: ["50.0"] }] }),
  },
  triggers: (deps) => [
    k8sTrigger("data-workflow", {
      operation: "create",
      source: {
        resource: {
          apiVersion: "argoproj.io/v1alpha1",
          kind: "Workflow",
          metadata: { generateName: "data-workflow-" },
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
