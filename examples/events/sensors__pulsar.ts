/**
 * A sensor that runs a workflow for every Pulsar message: Argo Events' example `examples/sensors/pulsar.yaml`, in
 * TypeScript.
 *
 * The workflow is a wfc workflow object; the trigger embeds it and passes the event's body to its `message`
 * parameter.
 *
 *   npx wfc build examples/events/sensors__pulsar.ts
 */

import { k8sTrigger, sensor } from "@wfc/events";
import { container, param, workflow, z } from "@wfc/sdk";
import { pulsar } from "./event-sources__pulsar.js";

/** Prints its `message` input. */
const printMessage = container({ name: "print-message", inputs: { message: z.string() } }, ({ message }) => ({
  image: "busybox",
  command: ["echo"],
  args: [message],
}));

/** Prints the `message` the sensor passes it. */
const printPulsarMessage = workflow({
  generateName: "pulsar-wf-",
  // the value gets overridden by the event payload
  parameters: { message: param(z.string(), { value: "hello world" }) },
  entrypoint: printMessage,
});

export const pulsarSensor = sensor({
  name: "pulsar",
  template: { serviceAccountName: "operate-workflow-sa" },
  dependencies: {
    "test-dep": pulsar.events.example,
  },
  triggers: (deps) => [
    k8sTrigger("workflow-trigger", {
      operation: "create",
      workflow: printPulsarMessage,
      arguments: { message: deps["test-dep"].data("body") },
    }),
  ],
});
