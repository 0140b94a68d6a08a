/**
 * A sensor whose dependency is filtered on a data field, with a comparator: Argo Events' example
 * `examples/sensors/filter-with-data-simple-2.yaml`, in TypeScript.
 *
 * The workflow is a wfc workflow object; the trigger embeds it and passes the event's body to its `message`
 * parameter.
 *
 *   npx wfc build examples/events/sensors__filter-with-data-simple-2.ts
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
  generateName: "data-workflow-",
  // the value gets overridden by the event payload
  parameters: { message: param(z.string(), { value: "hello world" }) },
  entrypoint: printMessage,
});

export const withSimpleDataFilter2Sensor = sensor({
  name: "with-simple-data-filter-2",
  template: { serviceAccountName: "operate-workflow-sa" },
  dependencies: {
    "test-dep": webhook.events.example.filter({
      data: [{ path: "bucket", type: "string", value: ["argo-workflow-input", "argo-workflow-input1"] }],
    }),
  },
  triggers: (deps) => [
    k8sTrigger("data-workflow", {
      operation: "create",
      workflow: printFilteredMessage,
      arguments: { message: deps["test-dep"].data("body") },
    }),
  ],
});
