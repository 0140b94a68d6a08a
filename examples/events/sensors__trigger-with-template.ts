/**
 * A sensor whose trigger parameters are Go templates over the event: Argo Events' example
 * `examples/sensors/trigger-with-template.yaml`, in TypeScript.
 *
 * The workflow is a wfc workflow object; the trigger embeds it. Its `message` is the body's `message` in title
 * case, its `subject` the event context's subject in title case, and the body's `name`, without spaces and in
 * lower case, is appended to the workflow's `generateName`.
 *
 *   npx wfc build examples/events/sensors__trigger-with-template.ts
 */

import { k8sTrigger, sensor } from "@wfc/events";
import { container, workflow, z } from "@wfc/sdk";
import { webhook } from "./event-sources__webhook.js";

/** Prints "<message> from <subject>". */
const printMessage = container(
  { name: "print-message", inputs: { message: z.string(), subject: z.string() } },
  ({ message, subject }) => ({ image: "busybox", command: ["echo"], args: [`${message} from ${subject}`] }),
);

const printTemplatedMessage = workflow({
  generateName: "webhook-",
  parameters: { message: z.string(), subject: z.string() },
  entrypoint: printMessage,
});

export const triggerWithTemplateSensor = sensor({
  name: "trigger-with-template",
  template: { serviceAccountName: "operate-workflow-sa" },
  dependencies: {
    "test-dep": webhook.events.example,
  },
  triggers: (deps) => [
    k8sTrigger("templated-workflow-trigger", {
      operation: "create",
      workflow: printTemplatedMessage,
      arguments: {
        message: deps["test-dep"].dataTemplate("{{ .Input.body.message | title }}"),
        subject: deps["test-dep"].contextTemplate("{{ .Input.subject | title }}"),
      },
      parameters: [
        deps["test-dep"]
          .dataTemplate("{{ .Input.body.name | nospace | lower }}-")
          .to("metadata.generateName", "append"),
      ],
    }),
  ],
});
