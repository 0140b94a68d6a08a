/**
 * A sensor that runs a workflow for every file event in a watched directory: Argo Events' example
 * `examples/sensors/file.yaml`, in TypeScript.
 *
 * The workflow is a wfc workflow object; the trigger embeds it. Its parameter writes the file's name over the
 * container's first argument (no workflow parameter: the trigger edits the template).
 *
 *   npx wfc build examples/events/sensors__file.ts
 */

import { k8sTrigger, sensor } from "@wfc/events";
import { container, workflow } from "@wfc/sdk";
import { file } from "./event-sources__file.js";

/** Echoes "hello"; the trigger replaces the word with the file's name. */
const printMessage = container({ name: "print-message" }, { image: "busybox", command: ["echo"], args: ["hello"] });

const fileWatcher = workflow({ generateName: "file-watcher-", entrypoint: printMessage });

export const fileSensor = sensor({
  name: "file",
  template: { serviceAccountName: "operate-workflow-sa" },
  dependencies: {
    "test-dep": file.events.example,
  },
  triggers: (deps) => [
    k8sTrigger(
      "file-workflow-trigger",
      {
        operation: "create",
        workflow: fileWatcher,
        parameters: [deps["test-dep"].data("name").to("spec.templates.0.container.args.0")],
      },
      { retryStrategy: { steps: 3 } },
    ),
  ],
});
