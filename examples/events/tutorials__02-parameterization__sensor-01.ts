/**
 * Parameterization, step 1: the workflow's `message` is the event's context `type`: Argo Events' example
 * `examples/tutorials/02-parameterization/sensor-01.yaml`, in TypeScript.
 *
 * The workflow is a wfc workflow object; the trigger embeds it and passes the context `type` to its `message`
 * parameter.
 *
 *   npx wfc build examples/events/tutorials__02-parameterization__sensor-01.ts
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
  // the value gets overridden by the event payload
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
      arguments: { message: deps["test-dep"].context("type") },
    }),
  ],
});
