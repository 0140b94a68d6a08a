/**
 * A sensor that runs a workflow for every Kafka message: Argo Events' example `examples/sensors/kafka.yaml`, in
 * TypeScript.
 *
 * The workflow is a wfc workflow object; the trigger embeds it and passes the event's body to its `message`
 * parameter.
 *
 *   npx wfc build examples/events/sensors__kafka.ts
 */

import { k8sTrigger, sensor } from "@wfc/events";
import { container, param, workflow, z } from "@wfc/sdk";
import { kafka } from "./event-sources__kafka.js";

/** Prints its `message` input. */
const printMessage = container({ name: "print-message", inputs: { message: z.string() } }, ({ message }) => ({
  image: "busybox",
  command: ["echo"],
  args: [message],
}));

/** Prints the `message` the sensor passes it. */
const printKafkaMessage = workflow({
  generateName: "kafka-workflow-",
  // the value gets overridden by the event payload
  parameters: { message: param(z.string(), { value: "hello world" }) },
  entrypoint: printMessage,
});

export const kafkaSensor = sensor({
  name: "kafka",
  template: { serviceAccountName: "operate-workflow-sa" },
  dependencies: {
    "test-dep": kafka.events.example,
  },
  triggers: (deps) => [
    k8sTrigger("kafka-workflow-trigger", {
      operation: "create",
      workflow: printKafkaMessage,
      arguments: { message: deps["test-dep"].data("body") },
    }),
  ],
});
