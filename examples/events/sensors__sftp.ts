/**
 * A sensor that runs a workflow for every file event on an SFTP server: Argo Events' example
 * `examples/sensors/sftp.yaml`, in TypeScript.
 *
 * The workflow is a wfc workflow object; the trigger embeds it. Its parameter writes the file's name over the
 * container's first argument.
 *
 *   npx wfc build examples/events/sensors__sftp.ts
 */

import { k8sTrigger, sensor } from "@wfc/events";
import { container, workflow } from "@wfc/sdk";
import { sftp } from "./event-sources__sftp.js";

/** Echoes "hello"; the trigger replaces the word with the file's name. */
const printMessage = container({ name: "print-message" }, { image: "busybox", command: ["echo"], args: ["hello"] });

const sftpWatcher = workflow({ generateName: "sftp-watcher-", entrypoint: printMessage });

export const sftpSensor = sensor({
  name: "sftp",
  template: { serviceAccountName: "operate-workflow-sa" },
  dependencies: {
    "test-dep": sftp.events.example,
  },
  triggers: (deps) => [
    k8sTrigger(
      "sftp-workflow-trigger",
      {
        operation: "create",
        workflow: sftpWatcher,
        parameters: [deps["test-dep"].data("name").to("spec.templates.0.container.args.0")],
      },
      { retryStrategy: { steps: 3 } },
    ),
  ],
});
