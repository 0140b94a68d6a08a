/**
 * A sensor that runs a workflow for every event about a watched Kubernetes resource: Argo Events' example
 * `examples/sensors/resource.yaml`, in TypeScript.
 *
 * The workflow is a wfc workflow object; the trigger embeds it and passes the event's body to its `message`
 * parameter, retrying up to 3 times.
 *
 *   npx wfc build examples/events/sensors__resource.ts
 */

import { k8sTrigger, sensor } from "@wfc/events";
import { container, param, workflow, z } from "@wfc/sdk";
import { resource } from "./event-sources__resource.js";

/** Prints its `message` input. */
const printMessage = container({ name: "print-message", inputs: { message: z.string() } }, ({ message }) => ({
  image: "busybox",
  command: ["echo"],
  args: [message],
}));

/** Prints the `message` the sensor passes it. */
const printResourceEvent = workflow({
  generateName: "resource-workflow-",
  labels: { app: "resource-workflow" },
  // the value gets overridden by the event payload
  parameters: { message: param(z.string(), { value: "hello world" }) },
  entrypoint: printMessage,
});

export const resourceSensor = sensor({
  name: "resource",
  template: { serviceAccountName: "operate-workflow-sa" },
  dependencies: {
    "test-dep": resource.events.example,
  },
  triggers: (deps) => [
    k8sTrigger(
      "argo-workflow",
      {
        operation: "create",
        workflow: printResourceEvent,
        arguments: { message: deps["test-dep"].data("body") },
      },
      { retryStrategy: { steps: 3 } },
    ),
  ],
});
