/**
 * A sensor that runs a workflow for every NSQ message: Argo Events' example `examples/sensors/nsq.yaml`, in
 * TypeScript.
 *
 * The workflow is a wfc workflow object; the trigger embeds it and passes the event's body to its `message`
 * parameter.
 *
 *   npx wfc build examples/events/sensors__nsq.ts
 */

import { k8sTrigger, sensor } from "@wfc/events";
import { container, param, workflow, z } from "@wfc/sdk";
import { nsq } from "./event-sources__nsq.js";

/** Prints its `message` input. */
const printMessage = container({ name: "print-message", inputs: { message: z.string() } }, ({ message }) => ({
  image: "busybox",
  command: ["echo"],
  args: [message],
}));

/** Prints the `message` the sensor passes it. */
const printNsqMessage = workflow({
  generateName: "nsq-",
  // the value gets overridden by the event payload
  parameters: { message: param(z.string(), { value: "hello world" }) },
  entrypoint: printMessage,
});

export const nsqSensor = sensor({
  name: "nsq",
  template: { serviceAccountName: "operate-workflow-sa" },
  dependencies: {
    "test-dep": nsq.events.example,
  },
  triggers: (deps) => [
    k8sTrigger("workflow-trigger", {
      operation: "create",
      workflow: printNsqMessage,
      arguments: { message: deps["test-dep"].data("body") },
    }),
  ],
});
