/**
 * A sensor: Argo Events' example `examples/sensors/multi-dependencies.yaml`, in TypeScript.
 *
 *   npx wfc build examples/events/sensors__multi-dependencies.ts
 */
import { k8sTrigger, sensor } from "@wfc/events";
import { calendar } from "./event-sources__calendar.js";
import { webhook } from "./event-sources__webhook.js";

export const multiDependenciesSensor = sensor({
  name: "multi-dependencies",
  template: { serviceAccountName: "operate-workflow-sa" },
  dependencies: {
    "test-dependency-webhook": webhook.events.example,
    "test-dependency-calendar": calendar.events["example-with-interval"],
  },
  triggers: (deps) => [
    k8sTrigger("multi-dependencies-workflow-trigger", {
      operation: "create",
      source: {
        resource: {
          apiVersion: "argoproj.io/v1alpha1",
          kind: "Workflow",
          metadata: { generateName: "multi-signal-workflow-" },
          spec: {
            entrypoint: "print-message",
            arguments: {
              parameters: [
                { name: "message1", value: "hello world" },
                { name: "message2", value: "hello world" },
              ],
            },
            templates: [
              {
                name: "print-message",
                inputs: { parameters: [{ name: "message" }] },
                container: {
                  image: "busybox",
                  command: ["echo"],
                  args: ["{{inputs.parameters.message1}}", "{{inputs.parameters.message2}}"],
                },
              },
            ],
          },
        },
      },
      parameters: [
        deps["test-dependency-webhook"].data("body.a").to("spec.arguments.parameters.0.value"),
        deps["test-dependency-calendar"].data("eventTime").to("spec.arguments.parameters.1.value"),
      ],
    }),
  ],
});
