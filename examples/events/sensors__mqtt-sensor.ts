/**
 * A sensor that runs a workflow for every MQTT message: Argo Events' example `examples/sensors/mqtt-sensor.yaml`,
 * in TypeScript.
 *
 * The workflow is a wfc workflow object; the trigger embeds it and passes the event's body to its `message`
 * parameter.
 *
 *   npx wfc build examples/events/sensors__mqtt-sensor.ts
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
const printMqttMessage = workflow({
  generateName: "mqtt-workflow-",
  // the value gets overridden by the event payload
  parameters: { message: param(z.string(), { value: "hello world" }) },
  entrypoint: printMessage,
});

const mqtt = externalEventSource("mqtt", ["example"]);

export const mqttSensor = sensor({
  name: "mqtt",
  template: { serviceAccountName: "operate-workflow-sa" },
  dependencies: {
    "test-dep": mqtt.events.example,
  },
  triggers: (deps) => [
    k8sTrigger("mqtt-workflow-trigger", {
      operation: "create",
      workflow: printMqttMessage,
      arguments: { message: deps["test-dep"].data("body") },
    }),
  ],
});
