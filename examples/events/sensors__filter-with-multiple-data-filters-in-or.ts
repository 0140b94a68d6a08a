/**
 * A sensor whose dependency passes when any of several data filters holds: Argo Events' example
 * `examples/sensors/filter-with-multiple-data-filters-in-or.yaml`, in TypeScript.
 *
 * A sample event payload:
 *
 *     { "a": true, "b": { "c": 3.14, "d": "hello, world" } }
 *
 * The workflow is a wfc workflow object; the trigger embeds it and passes the payload's `name` to its `message`
 * parameter.
 *
 *   npx wfc build examples/events/sensors__filter-with-multiple-data-filters-in-or.ts
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

export const withMultipleDataFiltersInOrSensor = sensor({
  name: "with-multiple-data-filters-in-or",
  dependencies: {
    "test-dep": webhook.events.example.filter({
      // the event passes when any one data filter holds
      dataLogicalOperator: "or",
      data: [
        { path: "a", type: "bool", value: ["true"] },
        { path: "b.c", type: "number", value: ["3.14"] },
        { path: "b.d", type: "string", value: ["hello there"] }, // false, but the others hold: the event passes
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
