import { param, templateRef, workflow, z } from "@wfc/sdk";
import { printMessageTemplate } from "./cluster-workflow-template__clustertemplates.js";

// Runs the ClusterWorkflowTemplate with an entrypoint and arguments of this workflow's choosing.
export default workflow({
  generateName: "cluster-workflow-template-hello-world-",
  parameters: { message: param(z.string(), { value: "hello world" }) },
  entrypoint: templateRef(printMessageTemplate, "print-message"),
  workflowTemplateRef: printMessageTemplate,
});
