import { steps, templateRef, workflow, z } from "@wfc/sdk";

// A template of a WorkflowTemplate that lives in the cluster, declared by name.
const printMessage = templateRef({ name: "workflow-template-print-message" }, "print-message", {
  inputs: { message: z.string() },
});

const main = steps({ name: "hello-world-from-templateRef" }, () => {
  printMessage({ message: "hello world" }, { name: "call-print-message" });
});

export default workflow({ generateName: "workflow-template-hello-world-", entrypoint: main });
