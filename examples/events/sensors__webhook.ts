/**
 * A sensor that runs a workflow for every webhook call: Argo Events' example `examples/sensors/webhook.yaml`,
 * in TypeScript.
 *
 * The workflow is a wfc workflow object; the trigger embeds it (`source.resource`) and maps the request body to
 * its `message` parameter (the `parameters` of the trigger are generated).
 *
 *   npx wfc build examples/events/sensors__webhook.ts
 */

import { k8sTrigger, sensor } from "@wfc/events";
import { container, param, workflow, z } from "@wfc/sdk";
import { webhook } from "./event-sources__webhook.js";

const printMessage = container(
  { name: "print-message", inputs: { message: z.string() } },
  { image: "busybox", command: ["echo"], args: ["{{inputs.parameters.message}}"] },
);

const printWebhook = workflow({
  generateName: "webhook-",
  // the value gets overridden by the event payload
  parameters: { message: param(z.string(), { value: "hello world" }) },
  entrypoint: printMessage,
});

export const webhookSensor = sensor({
  name: "webhook",
  template: { serviceAccountName: "operate-workflow-sa" },
  dependencies: { "test-dep": webhook.events.example },
  triggers: (deps) => [
    k8sTrigger("webhook-workflow-trigger", {
      operation: "create",
      workflow: printWebhook,
      arguments: { message: deps["test-dep"].data("body") },
    }),
  ],
});
