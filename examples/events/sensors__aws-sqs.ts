/**
 * A sensor that runs a workflow for every AWS SQS message: Argo Events' example `examples/sensors/aws-sqs.yaml`,
 * in TypeScript.
 *
 * The workflow is a wfc workflow object; the trigger embeds it and passes the event's body to its `message`
 * parameter.
 *
 *   npx wfc build examples/events/sensors__aws-sqs.ts
 */

import { k8sTrigger, sensor } from "@wfc/events";
import { container, param, workflow, z } from "@wfc/sdk";
import { awsSqs } from "./event-sources__aws-sqs.js";

/** Prints its `message` input. */
const printMessage = container({ name: "print-message", inputs: { message: z.string() } }, ({ message }) => ({
  image: "busybox",
  command: ["echo"],
  args: [message],
}));

/** Prints the `message` the sensor passes it. */
const printAwsSqsMessage = workflow({
  generateName: "aws-sqs-workflow-",
  // the value gets overridden by the event payload
  parameters: { message: param(z.string(), { value: "hello world" }) },
  entrypoint: printMessage,
});

export const awsSqsSensor = sensor({
  name: "aws-sqs",
  template: { serviceAccountName: "operate-workflow-sa" },
  dependencies: {
    "test-dep": awsSqs.events.example,
  },
  triggers: (deps) => [
    k8sTrigger("sqs-workflow", {
      operation: "create",
      workflow: printAwsSqsMessage,
      arguments: { message: deps["test-dep"].data("body") },
    }),
  ],
});
