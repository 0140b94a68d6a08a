/**
 * A sensor whose dependency passes when any of several expression filters holds: Argo Events' example
 * `examples/sensors/filter-with-multiple-expr-filters-in-or.yaml`, in TypeScript.
 *
 * A sample event payload:
 *
 *     { "a": "b", "a-longer-name": 10, "nested": { "path": { "can-get": { "longer": false } } } }
 *
 * The workflow is a wfc workflow object; the trigger embeds it and passes the payload's `name` to its `message`
 * parameter.
 *
 *   npx wfc build examples/events/sensors__filter-with-multiple-expr-filters-in-or.ts
 */

import { k8sTrigger, sensor } from "@wfc/events";
import { container, param, workflow, z } from "@wfc/sdk";
import { webhook } from "./event-sources__webhook.js";

/** Prints its `message` input. */
const printMessage = container({ name: "print-message", inputs: { message: z.string() } }, ({ message }) => ({
  image: "busybox",
  command: ["echo"],
  args: [message],
}));

/** Prints the `message` the sensor passes it. */
const printFilteredMessage = workflow({
  generateName: "workflow-",
  // the value gets overridden by the event payload
  parameters: { message: param(z.string(), { value: "hello world" }) },
  entrypoint: printMessage,
});

export const withMultipleExprFiltersInOrSensor = sensor({
  name: "with-multiple-expr-filters-in-or",
  dependencies: {
    "test-dep": webhook.events.example.filter({
      // the event passes when any one expr filter holds
      exprLogicalOperator: "or",
      exprs: [
        {
          expr: 'a == "b" || c != 10',
          // in `fields`, `name` is a short alias used in `expr` for the (possibly long) JSON `path`
          fields: [
            { name: "a", path: "a" },
            { name: "c", path: "a-longer-name" },
          ],
        },
        { expr: "e == false", fields: [{ name: "e", path: "nested.path.can-get.longer" }] },
      ],
    }),
  },
  triggers: (deps) => [
    k8sTrigger("workflow", {
      operation: "create",
      workflow: printFilteredMessage,
      arguments: { message: deps["test-dep"].data("name") },
    }),
  ],
});
