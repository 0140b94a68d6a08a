/**
 * A sensor whose dependency is filtered by expressions over aliased payload fields: Argo Events' example
 * `examples/sensors/filter-with-expressions.yaml`, in TypeScript.
 *
 * A sample event payload:
 *
 *     { "a": "b", "a-longer-name": 10, "nested": { "path": { "can-get": { "longer": false } } } }
 *
 * The workflow is a wfc workflow object; the trigger embeds it and passes the payload's `name` to its `message`
 * parameter.
 *
 *   npx wfc build examples/events/sensors__filter-with-expressions.ts
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
  generateName: "expr-workflow-",
  // the value gets overridden by the event payload
  parameters: { message: param(z.string(), { value: "hello world" }) },
  entrypoint: printMessage,
});

export const withExpressionFiltersSensor = sensor({
  name: "with-expression-filters",
  dependencies: {
    "test-dep": webhook.events.example.filter({
      // the event passes when it passes every expr filter (here: both hold)
      exprs: [
        {
          // in `fields`, `name` is a short alias used in `expr` for the (possibly long) JSON `path`
          expr: 'a == "b" || c == 10',
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
