/**
 * A sensor whose dependency is filtered on a numeric data field: Argo Events' example
 * `examples/sensors/filter-with-data-simple-3.yaml`, in TypeScript.
 *
 * The workflow is a wfc workflow object; the trigger embeds it and passes the whole event to its `message`
 * parameter.
 *
 *   npx wfc build examples/events/sensors__filter-with-data-simple-3.ts
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

export const withSimpleDataFilter3Sensor = sensor({
  name: "with-simple-data-filter-3",
  template: { serviceAccountName: "operate-workflow-sa" },
  dependencies: {
    "test-dep": webhook.events.example.filter({ data: [{ path: "body.value", type: "number", value: ["50.0"] }] }),
  },
  triggers: (deps) => [
    k8sTrigger("data-workflow", {
      operation: "create",
      workflow: printFilteredMessage,
      arguments: { message: deps["test-dep"].data() },
    }),
  ],
});
