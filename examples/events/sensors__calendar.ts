/**
 * A sensor: Argo Events' example `examples/sensors/calendar.yaml`, in TypeScript.
 *
 *   npx wfc build examples/events/sensors__calendar.ts
 */
import { k8sTrigger, sensor } from "@wfc/events";
import { calendar } from "./event-sources__calendar.js";

export const calendarSensor = sensor({
  name: "calendar",
  template: { serviceAccountName: "operate-workflow-sa" },
  dependencies: {
    "test-dep": calendar.events["example-with-interval"],
  },
  triggers: (deps) => [
    k8sTrigger("calendar-workflow-trigger", {
      operation: "create",
      source: {
        resource: {
          apiVersion: "argoproj.io/v1alpha1",
          kind: "Workflow",
          metadata: { generateName: "calendar-workflow-" },
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
      parameters: [deps["test-dep"].data("eventTime").to("spec.arguments.parameters.0.value")],
    }, { retryStrategy: { steps: 3 } }),
  ],
});
