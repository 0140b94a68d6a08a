/**
 * A sensor that runs a workflow for every AMQP message: Argo Events' example `examples/sensors/amqp.yaml`, in
 * TypeScript.
 *
 * The workflow is a wfc workflow object; the trigger embeds it and passes the event's body to its `message`
 * parameter.
 *
 *   npx wfc build examples/events/sensors__amqp.ts
 */

import { k8sTrigger, sensor } from "@wfc/events";
import { container, param, workflow, z } from "@wfc/sdk";
import { amqp } from "./event-sources__amqp.js";

/** Prints its `message` input. */
const printMessage = container({ name: "print-message", inputs: { message: z.string() } }, ({ message }) => ({
  image: "busybox",
  command: ["echo"],
  args: [message],
}));

/** Prints the `message` the sensor passes it. */
const printAmqpMessage = workflow({
  generateName: "amqp-",
  // the value gets overridden by the event payload
  parameters: { message: param(z.string(), { value: "hello world" }) },
  entrypoint: printMessage,
});

export const amqpSensor = sensor({
  name: "amqp",
  template: { serviceAccountName: "operate-workflow-sa" },
  dependencies: {
    "test-dep": amqp.events.example,
  },
  triggers: (deps) => [
    k8sTrigger("amqp-workflow-trigger", {
      operation: "create",
      workflow: printAmqpMessage,
      arguments: { message: deps["test-dep"].data("body") },
    }),
  ],
});
