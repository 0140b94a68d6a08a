/**
 * A sensor that runs a WorkflowTemplate: Argo Events' example
 * `examples/sensors/sensor-to-existing-workflow-template.yaml`, in TypeScript.
 *
 * The trigger takes the wfc WorkflowTemplate object: the trigger's Workflow (a `workflowTemplateRef`) and its
 * `parameters` are generated from `arguments`, whose keys must be parameters the template declares. `wfc build`
 * emits the Sensor followed by the WorkflowTemplate.
 *
 *   npx wfc build examples/events/sensors__sensor-to-existing-workflow-template.ts
 */

import { argoWorkflowTrigger, sensor } from "@wfc/events";
import { container, param, workflowTemplate, z } from "@wfc/sdk";
import { bitbucket } from "./event-sources__bitbucket.js";

const printMessage = container(
  { name: "print-message", inputs: { message: z.string() } },
  { image: "busybox", command: ["echo"], args: ["{{inputs.parameters.message}}"] },
);

/** The template the sensor runs (emitted with the sensor, so it need not be exported). */
const printMessageTemplate = workflowTemplate({
  name: "workflow-template-print-message",
  parameters: { message: param(z.string(), { value: "hello world" }) },
  entrypoint: printMessage,
});

export const bitbucketSensor = sensor({
  name: "bitbucket",
  template: { serviceAccountName: "operate-workflow-sa" },
  dependencies: { "my-event-source-dep": bitbucket.events.example },
  triggers: (deps) => [
    argoWorkflowTrigger("argo-workflow-trigger", {
      operation: "submit",
      workflow: printMessageTemplate,
      arguments: { message: deps["my-event-source-dep"].data("body") },
    }),
  ],
});
