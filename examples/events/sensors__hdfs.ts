/**
 * A sensor that runs a workflow for every HDFS file event: Argo Events' example `examples/sensors/hdfs.yaml`, in
 * TypeScript.
 *
 * The workflow is a wfc workflow object; the trigger embeds it. Its parameter writes the event body to the
 * container's second argument.
 *
 *   npx wfc build examples/events/sensors__hdfs.ts
 */

import { k8sTrigger, sensor } from "@wfc/events";
import { container, workflow } from "@wfc/sdk";
import { hdfs } from "./event-sources__hdfs.js";

/** Echoes "hello "; the trigger adds the event body as a second argument. */
const printMessage = container({ name: "print-message" }, { image: "busybox", command: ["echo"], args: ["hello "] });

const helloWorld = workflow({ generateName: "hello-world-", entrypoint: printMessage });

export const hdfsSensor = sensor({
  name: "hdfs",
  template: { serviceAccountName: "operate-workflow-sa" },
  dependencies: {
    "test-dep": hdfs.events.example,
  },
  triggers: (deps) => [
    k8sTrigger("hdfs-workflow-trigger", {
      operation: "create",
      workflow: helloWorld,
      parameters: [deps["test-dep"].data("body").to("spec.templates.0.container.args.1")],
    }),
  ],
});
