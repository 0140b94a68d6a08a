/**
 * A sensor: Argo Events' example `examples/sensors/redis-streams.yaml`, in TypeScript.
 *
 *   npx wfc build examples/events/sensors__redis-streams.ts
 */
import { externalEventSource, k8sTrigger, sensor } from "@wfc/events";

const redisStream = externalEventSource("redis-stream", ["example"]);

export const redisStreamSensor = sensor({
  name: "redis-stream",
  template: { serviceAccountName: "operate-workflow-sa" },
  dependencies: {
    "test-dep": redisStream.events.example,
  },
  triggers: (deps) => [
    k8sTrigger("workflow-trigger", {
      operation: "create",
      source: {
        resource: {
          apiVersion: "argoproj.io/v1alpha1",
          kind: "Workflow",
          metadata: { generateName: "redis-stream-" },
          spec: {
            entrypoint: "print-message",
            templates: [
              {
                container: { args: ["hello"], command: ["echo"], image: "busybox" },
                name: "print-message",
              },
            ],
          },
        },
      },
      parameters: [deps["test-dep"].data("values").to("spec.templates.0.container.args.0")],
    }),
  ],
});
