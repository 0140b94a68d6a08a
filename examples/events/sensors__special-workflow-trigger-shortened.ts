/**
 * An Argo Workflow trigger that submits a workflow: Argo Events' example
 * `examples/sensors/special-workflow-trigger-shortened.yaml`, in TypeScript.
 *
 * The workflow is a wfc workflow object (with a fixed name); the trigger embeds it and passes the webhook body to
 * its `message` parameter.
 *
 *   npx wfc build examples/events/sensors__special-workflow-trigger-shortened.ts
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
const specialTrigger = workflow({
  name: "special-trigger",
  // the value gets overridden by the event payload
  parameters: { message: param(z.string(), { value: "hello world" }) },
  entrypoint: printMessage,
});

export const specialWorkflowTriggerShortenedSensor = sensor({
  name: "special-workflow-trigger-shortened",
  template: { serviceAccountName: "operate-workflow-sa" },
  dependencies: {
    "test-dep": webhook.events.example,
  },
  triggers: (deps) => [
    argoWorkflowTrigger("argo-workflow-trigger", {
      operation: "submit",
      workflow: specialTrigger,
      arguments: { message: deps["test-dep"].data("body") },
    }),
  ],
});
