/**
 * A sensor: Argo Events' example `examples/sensors/filter-with-multiple-expr-filters-in-or.yaml`, in TypeScript.
 *
 *   npx wfc build examples/events/sensors__filter-with-multiple-expr-filters-in-or.ts
 */
import { k8sTrigger, sensor } from "@wfc/events";
import { webhook } from "./event-sources__webhook.js";

export const withMultipleExprFiltersInOrSensor = sensor({
  name: "with-multiple-expr-filters-in-or",
  dependencies: {
    "test-dep": webhook.events.example.filter({
      exprLogicalOperator: "or",
      exprs: [
        {
          expr: "a == \"b\" || c != 10",
          fields: [{ name: "a", path: "a" }, { name: "c", path: "a-longer-name" }],
        },
        { expr: "e == false", fields: [{ name: "e", path: "nested.path.can-get.longer" }] },
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
