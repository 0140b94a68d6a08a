/**
 * A sensor that runs a workflow for every Stripe webhook: Argo Events' example `examples/sensors/stripe.yaml`, in
 * TypeScript.
 *
 * The workflow is a wfc workflow object; the trigger embeds it and passes the event's body to its `message`
 * parameter.
 *
 *   npx wfc build examples/events/sensors__stripe.ts
 */

import { k8sTrigger, sensor } from "@wfc/events";
import { container, param, workflow, z } from "@wfc/sdk";
import { stripe } from "./event-sources__stripe.js";

/** Prints its `message` input. */
const printMessage = container({ name: "print-message", inputs: { message: z.string() } }, ({ message }) => ({
  image: "busybox",
  command: ["echo"],
  args: [message],
}));

/** Prints the `message` the sensor passes it. */
const printStripeMessage = workflow({
  generateName: "stripe-",
  // the value gets overridden by the event payload
  parameters: { message: param(z.string(), { value: "hello world" }) },
  entrypoint: printMessage,
});

export const stripeSensor = sensor({
  name: "stripe",
  template: { serviceAccountName: "operate-workflow-sa" },
  dependencies: {
    "test-dep": stripe.events.example,
  },
  triggers: (deps) => [
    k8sTrigger("workflow-trigger", {
      operation: "create",
      workflow: printStripeMessage,
      arguments: { message: deps["test-dep"].data("body") },
    }),
  ],
});
