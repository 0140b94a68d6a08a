import { dag, templateRef, workflow, z } from "@wfc/sdk";

const printMessage = templateRef(
  { name: "cluster-workflow-template-print-message", clusterScope: true },
  "print-message",
  { inputs: { message: z.string() } },
);
const innerDiamond = templateRef({ name: "cluster-workflow-template-inner-dag", clusterScope: true }, "inner-diamond");

const diamond = dag({ name: "diamond" }, () => {
  const a = printMessage({ message: "A" }, { name: "A" });
  const b = printMessage({ message: "B" }, { name: "B", after: a });
  const c = innerDiamond({}, { name: "C", after: a });
  printMessage({ message: "D" }, { name: "D", after: [b, c] });
});

export default workflow({ generateName: "workflow-template-dag-diamond-", entrypoint: diamond });
