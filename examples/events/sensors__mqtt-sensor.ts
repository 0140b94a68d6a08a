/**
 * A sensor: Argo Events' example `examples/sensors/mqtt-sensor.yaml`, in TypeScript.
 *
 *   npx wfc build examples/events/sensors__mqtt-sensor.ts
 */
import { externalEventSource, k8sTrigger, sensor } from "@wfc/events";

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
      source: {
        resource: {
          apiVersion: "argoproj.io/v1alpha1",
          kind: "Workflow",
          metadata: { generateName: "mqtt-workflow-" },
          spec: {
            entrypoint: "print-message",
            arguments: { parameters: [{ name: "message", value: "hello world" }] },
            templates: [
              {
                name: "print-message",
                inputs: { parameters: [{ name: "message" }] },
                container: { image: "busybox", command: ["echo"], args: ["{{inputs.parameters.message}}"] },
              },
            ],
          },
        },
      },
      parameters: [deps["test-dep"].data("body").to("spec.arguments.parameters.0.value")],
    }),
  ],
});
