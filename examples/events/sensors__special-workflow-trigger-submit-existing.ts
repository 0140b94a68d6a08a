/**
 * An Argo Workflow trigger that submits a workflow from an existing CronWorkflow (`submit-from`): Argo Events'
 * example `examples/sensors/special-workflow-trigger-submit-existing.yml`, in TypeScript.
 *
 * The CronWorkflow lives in the cluster, not in this program: the trigger names it by kind and name, and the
 * sensor runs it now, on every webhook call, instead of waiting for its schedule.
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
      workflow: { kind: "CronWorkflow", name: "special-trigger" },
    }),
  ],
});
