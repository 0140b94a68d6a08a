/**
 * A sensor: Argo Events' example `examples/sensors/filter-script.yaml`, in TypeScript.
 *
 *   npx wfc build examples/events/sensors__filter-script.ts
 */
import { k8sTrigger, sensor } from "@wfc/events";
import { webhook } from "./event-sources__webhook.js";

export const withScriptFilterSensor = sensor({
  name: "with-script-filter",
  dependencies: {
    "test-dep": webhook.events.example.filter({
      script: "if event.body.a == \"b\" and event.body.d.e == \"z\" then return true else return false end",
    }),
  },
  triggers: (deps) => [
    k8sTrigger("workflow", {
      operation: "create",
      source: {
        resource: {
          apiVersion: "argoproj.io/v1alpha1",
          kind: "Workflow",
          metadata: { generateName: "workflow-" },
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
      parameters: [deps["test-dep"].data("name").to("spec.arguments.parameters.0.value")],
    }),
  ],
});
