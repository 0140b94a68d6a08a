import { workflow } from "@wfc/sdk";
import { submittable } from "./cluster-workflow-template__clustertemplates.js";

export default workflow({ generateName: "cluster-workflow-template-hello-world-", workflowTemplateRef: submittable });
