/**
 * A sensor whose dependency combines expression and data filters, some in OR: Argo Events' example
 * `examples/sensors/filter-with-multiple-filters-mixed.yaml`, in TypeScript.
 *
 * A sample event payload:
 *
 *     { "a": "b", "c": 10, "d": { "e": false } }
 *
 * The workflow is a wfc workflow object; the trigger embeds it and passes the payload's `name` to its `message`
 * parameter.
 *
 *   npx wfc build examples/events/sensors__filter-with-multiple-filters-mixed.ts
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

export const withMixedMultipleFiltersSensor = sensor({
  name: "with-mixed-multiple-filters",
  dependencies: {
    // the event passes when either filter group passes (`filtersLogicalOperator: "or"`); inside a group, all must hold
    "test-dep": webhook.events.example.filter(
      {
        exprs: [
          {
            expr: 'a == "b" || c == 10',
            fields: [
              { name: "a", path: "a" },
              { name: "c", path: "c" },
            ],
          },
          { expr: "e == false", fields: [{ name: "e", path: "d.e" }] },
        ],
        data: [
          { path: "a", type: "string", value: ["b"] },
          { path: "c", type: "number", comparator: ">", value: ["20"] }, // false: the data group fails, the expr group passes
          { path: "d.e", type: "bool", value: ["false"] },
        ],
      },
      "or",
    ),
  },
  triggers: (deps) => [
    k8sTrigger("workflow", {
      operation: "create",
      workflow: printFilteredMessage,
      arguments: { message: deps["test-dep"].data("name") },
    }),
  ],
});
