/**
 * A sensor: Argo Events' example `examples/sensors/filter-with-multiple-data-filters-in-or.yaml`, in TypeScript.
 *
 *   npx wfc build examples/events/sensors__filter-with-multiple-data-filters-in-or.ts
 */
import { k8sTrigger, sensor } from "@wfc/events";
import { webhook } from "./event-sources__webhook.js";

export const withMultipleDataFiltersInOrSensor = sensor({
  name: "with-multiple-data-filters-in-or",
  dependencies: {
    "test-dep": webhook.events.example.filter({
      dataLogicalOperator: "or",
      data: [
        { path: "a", type: "bool", value: ["true"] },
        { path: "b.c", type: "number", value: ["3.14"] },
        { path: "b.d", type: "string", value: ["hello there"] },
      ],
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
