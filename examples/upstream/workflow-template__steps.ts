import { parallel, steps, templateRef, workflow, z } from "@wfc/sdk";

const printMessage = templateRef({ name: "workflow-template-print-message" }, "print-message", {
  inputs: { message: z.string() },
});
const innerSteps = templateRef({ name: "workflow-template-inner-steps" }, "inner-steps", {
  inputs: { message: z.string() },
});

const main = steps({ name: "hello-hello-hello" }, () => {
  printMessage({ message: "hello1" }, { name: "hello1" });
  parallel(() => {
    innerSteps({ message: "hello2a" }, { name: "hello2a" });
    printMessage({ message: "hello2b" }, { name: "hello2b" });
  });
});

export default workflow({ generateName: "workflow-template-steps-", entrypoint: main });
