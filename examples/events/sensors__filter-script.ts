/**
 * A sensor whose dependency is filtered by a Lua script: Argo Events' example
 * `examples/sensors/filter-script.yaml`, in TypeScript.
 *
 * A sample event payload:
 *
 *     { "a": "b", "c": 10, "d": { "e": "z" } }
 *
 * The script returns true for it, and the event passes.
 *
 * The workflow is a wfc workflow object; the trigger embeds it and passes the payload's `name` to its `message`
 * parameter.
 *
 *   npx wfc build examples/events/sensors__filter-script.ts
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

export const withScriptFilterSensor = sensor({
  name: "with-script-filter",
  dependencies: {
    "test-dep": webhook.events.example.filter({
      script: 'if event.body.a == "b" and event.body.d.e == "z" then return true else return false end',
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
