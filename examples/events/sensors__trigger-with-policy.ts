/**
 * A trigger with a policy: Argo Events' example `examples/sensors/trigger-with-policy.yaml`, in TypeScript.
 *
 * After creating the workflow, the trigger waits (with backoff) for it to carry the label
 * `workflows.argoproj.io/phase: Succeeded`; if it times out, the trigger fails, and so does the round
 * (`errorOnFailedRound`).
 *
 * The workflow is a wfc workflow object; the trigger embeds it and passes the event's body to its `message`
 * parameter.
 *
 * Differs from upstream: move `spec.triggers.0.template.policy` to `spec.triggers.0.policy` (policy is a field of Trigger, not of TriggerTemplate).
 *
 *   npx wfc build examples/events/sensors__trigger-with-policy.ts
 */

import { k8sTrigger, sensor } from "@wfc/events";
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
  // the value gets overridden by the event payload
  parameters: { message: param(z.string(), { value: "hello world" }) },
  entrypoint: printMessage,
});

export const triggerWithPolicySensor = sensor({
  name: "trigger-with-policy",
  template: { serviceAccountName: "operate-workflow-sa" },
  // once a trigger round fails, mark the sensor as errored and process no further triggers
  errorOnFailedRound: true,
  dependencies: {
    "test-dep": webhook.events.example,
  },
  triggers: (deps) => [
    k8sTrigger(
      "trigger-1",
      {
        operation: "create",
        workflow: printWebhookMessage,
        arguments: { message: deps["test-dep"].data("body") },
      },
      {
        policy: {
          k8s: {
            // check the workflow's labels after 1s, 2s, 4s... (5 steps, 10% jitter)
            backoff: { duration: "1s", factor: 2, jitter: 0.1, steps: 5 },
            // the labels that mean the workflow succeeded
            labels: { "workflows.argoproj.io/phase": "Succeeded" },
            // fail the trigger when the backoff runs out before the labels show up
            errorOnBackoffTimeout: true,
          },
        },
      },
    ),
  ],
});
