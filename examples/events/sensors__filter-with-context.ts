/**
 * A sensor whose dependency is filtered on the event context (its `source`): Argo Events' example
 * `examples/sensors/filter-with-context.yaml`, in TypeScript.
 *
 * The workflow is a wfc workflow object; the trigger embeds it and passes the body's `message` to its `message`
 * parameter.
 *
 *   npx wfc build examples/events/sensors__filter-with-context.ts
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

export const withCtxFilterSensor = sensor({
  name: "with-ctx-filter",
  template: { serviceAccountName: "operate-workflow-sa" },
  dependencies: {
    "test-dep": webhook.events.example.filter({ context: { source: "custom-webhook" } }),
  },
  triggers: (deps) => [
    k8sTrigger("done-workflow", {
      operation: "create",
      workflow: printFilteredMessage,
      arguments: { message: deps["test-dep"].data("body.message") },
    }),
  ],
});
