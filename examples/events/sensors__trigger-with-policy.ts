/**
 * A sensor: Argo Events' example `examples/sensors/trigger-with-policy.yaml`, in TypeScript.
 *
 * Differs from upstream: move `spec.triggers.0.template.policy` to `spec.triggers.0.policy` (policy is a field of Trigger, not of TriggerTemplate).
 *
 *   npx wfc build examples/events/sensors__trigger-with-policy.ts
 */
import { k8sTrigger, sensor } from "@wfc/events";
import { webhook } from "./event-sources__webhook.js";

export const triggerWithPolicySensor = sensor({
  name: "trigger-with-policy",
  template: { serviceAccountName: "operate-workflow-sa" },
  errorOnFailedRound: true,
  dependencies: {
    "test-dep": webhook.events.example,
  },
  triggers: (deps) => [
    k8sTrigger("trigger-1", {
      operation: "create",
      source: {
        resource: {
          apiVersion: "argoproj.io/v1alpha1",
          kind: "Workflow",
          metadata: { generateName: "webhook-" },
          spec: {
            entrypoint: "print-message",
            arguments: { parameters: [{ name: "message", value: "hello world" }] },
            templates: [
              {
                name: "print-message",
                inputs: { parameters: [{ name: "message" }] },
                container: { image: "busybox", command: ["echo"], args: ["{{inputs.parameters.message}}"] },
              },
            ],
          },
        },
      },
      parameters: [deps["test-dep"].data("body").to("spec.arguments.parameters.0.value")],
    }, {
      policy: {
        k8s: {
          backoff: { duration: "1s", factor: 2, jitter: 0.1, steps: 5 },
          labels: { "workflows.argoproj.io/phase": "Succeeded" },
          errorOnBackoffTimeout: true,
        },
      },
    }),
  ],
});
