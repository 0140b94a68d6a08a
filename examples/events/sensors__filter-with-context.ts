/**
 * A sensor: Argo Events' example `examples/sensors/filter-with-context.yaml`, in TypeScript.
 *
 *   npx wfc build examples/events/sensors__filter-with-context.ts
 */
import { k8sTrigger, sensor } from "@wfc/events";
import { webhook } from "./event-sources__webhook.js";

export const withCtxFilterSensor = sensor({
  name: "with-ctx-filter",
  template: { serviceAccountName: "operate-workflow-sa" },
  dependencies: {
    "test-dep": webhook.events.example.filter({ context: { source: "custom-webhook" } }),
  },
  triggers: (deps) => [
    k8sTrigger("done-workflow", {
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
      parameters: [deps["test-dep"].data("body.message").to("spec.arguments.parameters.0.value")],
    }),
  ],
});
