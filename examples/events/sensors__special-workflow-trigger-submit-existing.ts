/**
 * A sensor: Argo Events' example `examples/sensors/special-workflow-trigger-submit-existing.yml`, in TypeScript.
 *
 *   npx wfc build examples/events/sensors__special-workflow-trigger-submit-existing.ts
 */
import { argoWorkflowTrigger, sensor } from "@wfc/events";
import { webhook } from "./event-sources__webhook.js";

export const webhookSensor = sensor({
  name: "webhook",
  template: { serviceAccountName: "operate-workflow-sa" },
  dependencies: {
    "test-dep": webhook.events.example,
  },
  triggers: [
    argoWorkflowTrigger("argo-workflow-trigger", {
      operation: "submit-from",
      source: {
        resource: {
          apiVersion: "argoproj.io/v1alpha1",
          kind: "CronWorkflow",
          metadata: { name: "special-trigger" },
        },
      },
    }),
  ],
});
