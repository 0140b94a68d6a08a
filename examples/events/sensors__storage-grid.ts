/**
 * A sensor that runs a workflow for every StorageGRID notification: Argo Events' example
 * `examples/sensors/storage-grid.yaml`, in TypeScript.
 *
 * The workflow is a wfc workflow object; the trigger embeds it and passes the event's body to its `message`
 * parameter.
 *
 *   npx wfc build examples/events/sensors__storage-grid.ts
 */

import { k8sTrigger, sensor } from "@wfc/events";
import { container, param, workflow, z } from "@wfc/sdk";
import { storageGrid } from "./event-sources__storage-grid.js";

/** Prints its `message` input. */
const printMessage = container({ name: "print-message", inputs: { message: z.string() } }, ({ message }) => ({
  image: "busybox",
  command: ["echo"],
  args: [message],
}));

/** Prints the `message` the sensor passes it. */
const printStorageGridMessage = workflow({
  generateName: "storage-grid-wf-",
  // the value gets overridden by the event payload
  parameters: { message: param(z.string(), { value: "hello world" }) },
  entrypoint: printMessage,
});

export const storageGridSensor = sensor({
  name: "storage-grid",
  template: { serviceAccountName: "operate-workflow-sa" },
  dependencies: {
    "test-dep": storageGrid.events.example,
  },
  triggers: (deps) => [
    k8sTrigger("argo-workflow", {
      operation: "create",
      workflow: printStorageGridMessage,
      arguments: { message: deps["test-dep"].data("body") },
    }),
  ],
});
