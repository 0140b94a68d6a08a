/**
 * A sensor whose dependency must pass expression and data filters together: Argo Events' example
 * `examples/sensors/filter-with-multiple-filters.yaml`, in TypeScript.
 *
 * A sample event payload:
 *
 *     { "a": "b", "c": 10, "d": { "e": false } }
 *
 * The workflow is a wfc workflow object; the trigger embeds it and passes the payload's `name` to its `message`
 * parameter.
 *
 *   npx wfc build examples/events/sensors__filter-with-multiple-filters.ts
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

export const withMultipleFiltersSensor = sensor({
  name: "with-multiple-filters",
  dependencies: {
    // the event passes when it passes every filter (both filter groups and their members default to "and")
    "test-dep": webhook.events.example.filter({
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
        { path: "c", type: "number", value: ["10"] },
        { path: "d.e", type: "bool", value: ["false"] },
      ],
    }), // every filter holds: the event passes
  },
  triggers: (deps) => [
    k8sTrigger("workflow", {
      operation: "create",
      workflow: printFilteredMessage,
      arguments: { message: deps["test-dep"].data("name") },
    }),
  ],
});
