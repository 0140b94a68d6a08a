import { workflow } from "@wfc/sdk";
import { submittable } from "./workflow-template__templates.js";

// Runs the WorkflowTemplate "workflow-template-submittable" with its own entrypoint and arguments.
export default workflow({ generateName: "workflow-template-hello-world-", workflowTemplateRef: submittable });
