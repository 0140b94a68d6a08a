/**
 * A sensor: Argo Events' example `examples/sensors/dependencies-conditions.yaml`, in TypeScript.
 *
 *   npx wfc build examples/events/sensors__dependencies-conditions.ts
 */
import { externalEventSource, k8sTrigger, sensor } from "@wfc/events";

const webhook = externalEventSource("webhook", ["example", "example-foo"]);

export const dependenciesConditionsSensor = sensor({
  name: "dependencies-conditions",
  template: { serviceAccountName: "operate-workflow-sa" },
  dependencies: {
    "test-dep": webhook.events.example,
    "test-dep-foo": webhook.events["example-foo"],
  },
  triggers: (deps) => [
    k8sTrigger("webhook-workflow-trigger", {
      operation: "create",
      source: {
        resource: {
          apiVersion: "argoproj.io/v1alpha1",
          kind: "Workflow",
          metadata: { generateName: "hello-world-" },
          spec: {
            entrypoint: "print-message",
            templates: [
              {
                name: "print-message",
                container: { args: ["hello world"], command: ["echo"], image: "busybox" },
              },
            ],
          },
        },
      },
    }, {
      conditions: `${deps["test-dep"]}`,
      conditionsReset: [{ byTime: { cron: "59 23 * * *", timezone: "America/Los_Angeles" } }],
    }),
    k8sTrigger("webhook-workflow-trigger-2", {
      operation: "create",
      source: {
        resource: {
          apiVersion: "argoproj.io/v1alpha1",
          kind: "Workflow",
          metadata: { generateName: "hello-world-2-" },
          spec: {
            entrypoint: "print-message",
            templates: [
              {
                name: "print-message",
                container: { args: ["hello world"], command: ["echo"], image: "busybox" },
              },
            ],
          },
        },
      },
    }, { conditions: `${deps["test-dep-foo"]}` }),
  ],
});
