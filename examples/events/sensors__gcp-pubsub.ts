/**
 * A sensor that runs a workflow for every GCP Pub/Sub message: Argo Events' example
 * `examples/sensors/gcp-pubsub.yaml`, in TypeScript.
 *
 * The workflow is a wfc workflow object; the trigger embeds it and passes the event's body to its `message`
 * parameter.
 *
 *   npx wfc build examples/events/sensors__gcp-pubsub.ts
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
const printPubSubMessage = workflow({
  generateName: "gcp-workflow-",
  // the value gets overridden by the event payload
  parameters: { message: param(z.string(), { value: "hello world" }) },
  entrypoint: printMessage,
});

const gcpPubsub = externalEventSource("gcp-pubsub", ["example"]);

export const gcpPubsubSensor = sensor({
  name: "gcp-pubsub",
  template: { serviceAccountName: "operate-workflow-sa" },
  dependencies: {
    "test-dep": gcpPubsub.events.example,
  },
  triggers: (deps) => [
    k8sTrigger("gcp-workflow", {
      operation: "create",
      workflow: printPubSubMessage,
      arguments: { message: deps["test-dep"].data("body") },
    }),
  ],
});
