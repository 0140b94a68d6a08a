/**
 * Parameterization, step 5: parameters of the trigger itself, set from the event: Argo Events' example
 * `examples/tutorials/02-parameterization/sensor-05.yaml`, in TypeScript.
 *
 * The workflow is a wfc workflow object the trigger embeds. The trigger's own parameter is a placeholder: the
 * trigger-level `parameters` fill in its source dependency, data key and destination from the webhook body before
 * the trigger runs.
 *
 *   npx wfc build examples/events/tutorials__02-parameterization__sensor-05.ts
 */

import { argoWorkflowTrigger, paramSource, sensor } from "@wfc/events";
import { container, param, workflow, z } from "@wfc/sdk";
import { webhook } from "./event-sources__webhook.js";

/** Prints its `message` input. */
const printMessage = container({ name: "print-message", inputs: { message: z.string() } }, ({ message }) => ({
  image: "busybox",
  command: ["echo"],
  args: [message],
}));

/** Prints the `message` the sensor passes it. */
const printWebhookMessage = workflow({
  generateName: "webhook-",
  parameters: { message: param(z.string(), { value: "hello world" }) },
  entrypoint: printMessage,
});

export const webhookSensor = sensor({
  name: "webhook",
  template: { serviceAccountName: "operate-workflow-sa" },
  dependencies: {
    "test-dep": webhook.events.example,
  },
  triggers: (deps) => [
    argoWorkflowTrigger(
      "webhook-workflow-trigger",
      {
        operation: "submit",
        workflow: printWebhookMessage,
        // a placeholder, filled in by the parameters below
        parameters: [
          paramSource({ dependencyName: "THIS_WILL_BE_REPLACED", dataKey: "THIS_WILL_BE_REPLACED" }).to(
            "THIS_WILL_BE_REPLACED",
          ),
        ],
      },
      {
        // applied to the trigger template itself, before it runs
        parameters: [
          deps["test-dep"].data("body.dependencyName").to("argoWorkflow.parameters.0.src.dependencyName"),
          deps["test-dep"].data("body.dataKey").to("argoWorkflow.parameters.0.src.dataKey"),
          deps["test-dep"].data("body.dest").to("argoWorkflow.parameters.0.dest"),
        ],
      },
    ),
  ],
});
