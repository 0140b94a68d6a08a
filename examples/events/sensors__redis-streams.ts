/**
 * A sensor that runs a workflow for every Redis stream entry: Argo Events' example
 * `examples/sensors/redis-streams.yaml`, in TypeScript.
 *
 * The workflow is a wfc workflow object; the trigger embeds it. Its parameter writes the entry's `values` over the
 * container's first argument.
 *
 *   npx wfc build examples/events/sensors__redis-streams.ts
 */

import { externalEventSource, k8sTrigger, sensor } from "@wfc/events";
import { container, workflow } from "@wfc/sdk";

const redisStream = externalEventSource("redis-stream", ["example"]);

/** Echoes "hello"; the trigger replaces the word with the stream entry's values. */
const printMessage = container({ name: "print-message" }, { image: "busybox", command: ["echo"], args: ["hello"] });

const printStreamEntry = workflow({ generateName: "redis-stream-", entrypoint: printMessage });

export const redisStreamSensor = sensor({
  name: "redis-stream",
  template: { serviceAccountName: "operate-workflow-sa" },
  dependencies: {
    "test-dep": redisStream.events.example,
  },
  triggers: (deps) => [
    k8sTrigger("workflow-trigger", {
      operation: "create",
      workflow: printStreamEntry,
      parameters: [deps["test-dep"].data("values").to("spec.templates.0.container.args.0")],
    }),
  ],
});
