/**
 * A sensor that runs a workflow for every Slack event: Argo Events' example `examples/sensors/slack.yaml`, in
 * TypeScript.
 *
 * The workflow is a wfc workflow object; the trigger embeds it and passes the body's `message` to its `message`
 * parameter.
 *
 *   npx wfc build examples/events/sensors__slack.ts
 */

import { externalEventSource, k8sTrigger, sensor } from "@wfc/events";
import { container, param, workflow, z } from "@wfc/sdk";

/** Prints its `message` input. */
const printMessage = container({ name: "print-message", inputs: { message: z.string() } }, ({ message }) => ({
  image: "busybox",
  command: ["echo"],
  args: [message],
}));

/** Prints the `message` the sensor passes it. */
const printSlackMessage = workflow({
  generateName: "slack-",
  // the value gets overridden by the event payload
  parameters: { message: param(z.string(), { value: "hello world" }) },
  entrypoint: printMessage,
});

const slack = externalEventSource("slack", ["example-insecure"]);

export const slackSensor = sensor({
  name: "slack",
  template: { serviceAccountName: "operate-workflow-sa" },
  dependencies: {
    "test-dep": slack.events["example-insecure"],
  },
  triggers: (deps) => [
    k8sTrigger("slack-workflow", {
      operation: "create",
      workflow: printSlackMessage,
      arguments: { message: deps["test-dep"].data("body.message") },
    }),
  ],
});
