/**
 * Parameterization, step 4: the event value is prepended to the parameter's default rather than replacing it: Argo
 * Events' example `examples/tutorials/02-parameterization/sensor-04.yaml`, in TypeScript.
 *
 * The workflow is a wfc workflow object; the trigger embeds it and writes the body's `message` before its
 * `message` parameter's value (`.prepend()`).
 *
 *   npx wfc build examples/events/tutorials__02-parameterization__sensor-04.ts
 */

import { argoWorkflowTrigger, sensor } from "@wfc/events";
import { container, param, workflow, z } from "@wfc/sdk";
import { webhook } from "./event-sources__webhook.js";

/** Prints its `message` input. */
const printMessage = container({ name: "print-message", inputs: { message: z.string() } }, ({ message }) => ({
  image: "busybox",
  command: ["echo"],
  args: [message],
}));

/** Prints the `message` the sensor passes it. */
const printWebhookMessage = workflow({
  generateName: "webhook-",
  // the event's value is prepended to this one
  parameters: { message: param(z.string(), { value: "hello world" }) },
  entrypoint: printMessage,
});

export const webhookSensor = sensor({
  name: "webhook",
  template: { serviceAccountName: "operate-workflow-sa" },
  dependencies: {
    "test-dep": webhook.events.example,
  },
  triggers: (deps) => [
    argoWorkflowTrigger("webhook-workflow-trigger", {
      operation: "submit",
      workflow: printWebhookMessage,
      arguments: { message: deps["test-dep"].data("body.message").prepend() },
    }),
  ],
});
