import { dag, templateRef, workflow, z } from "@wfc/sdk";

const printMessage = templateRef({ name: "workflow-template-print-message" }, "print-message", {
  inputs: { message: z.string() },
});
const innerDiamond = templateRef({ name: "workflow-template-inner-dag" }, "inner-diamond");

const diamond = dag({ name: "diamond" }, () => {
  const a = printMessage({ message: "A" }, { name: "A" });
  const b = printMessage({ message: "B" }, { name: "B", after: a });
  const c = innerDiamond({}, { name: "C", after: a });
  printMessage({ message: "D" }, { name: "D", after: [b, c] });
});

export default workflow({ generateName: "workflow-template-dag-diamond-", entrypoint: diamond });
