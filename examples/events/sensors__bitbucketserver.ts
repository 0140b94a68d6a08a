/**
 * A sensor that runs a workflow for every Bitbucket Server event: Argo Events' example
 * `examples/sensors/bitbucketserver.yaml`, in TypeScript.
 *
 * The workflow is a wfc workflow object; the trigger embeds it and passes the whole event to its `message`
 * parameter.
 *
 *   npx wfc build examples/events/sensors__bitbucketserver.ts
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
const printBitbucketServerEvent = workflow({
  generateName: "bitbucketserver-workflow-",
  // the value gets overridden by the event payload
  parameters: { message: param(z.string(), { value: "hello world" }) },
  entrypoint: printMessage,
});

const bitbucketserver = externalEventSource("bitbucketserver", ["example"]);

export const bitbucketserverSensor = sensor({
  name: "bitbucketserver",
  template: { serviceAccountName: "operate-workflow-sa" },
  dependencies: {
    "test-dep": bitbucketserver.events.example,
  },
  triggers: (deps) => [
    k8sTrigger("bitbucketserver-workflow-trigger", {
      operation: "create",
      workflow: printBitbucketServerEvent,
      arguments: { message: deps["test-dep"].data() },
    }),
  ],
});
