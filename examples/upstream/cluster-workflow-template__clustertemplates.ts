import { clusterWorkflowTemplate, container, dag, parallel, param, steps, templateRef, z } from "@wfc/sdk";

const printMessage = container({ name: "print-message", inputs: { message: z.string() } }, ({ message }) => ({
  image: "busybox",
  command: ["echo"],
  args: [message],
}));

export const printMessageTemplate = clusterWorkflowTemplate({
  name: "cluster-workflow-template-print-message",
  templates: [printMessage],
});

const randomFail = container(
  { name: "random-fail-template", retryStrategy: { limit: 10 } },
  {
    image: "python:alpine3.23",
    command: ["python", "-c"],
    args: ["import random; import sys; exit_code = random.choice([0, 1, 1]); sys.exit(exit_code)"],
  },
);

export const randomFailTemplate = clusterWorkflowTemplate({
  name: "cluster-workflow-template-random-fail-template",
  templates: [randomFail],
});

// print-message of the ClusterWorkflowTemplate above, called through templateRef (clusterScope: true).
const remotePrintMessage = templateRef(printMessageTemplate, printMessage);

const innerSteps = steps({ name: "inner-steps" }, () => {
  remotePrintMessage({ message: "inner-hello1" }, { name: "inner-hello1" });
  parallel(() => {
    remotePrintMessage({ message: "inner-hello2a" }, { name: "inner-hello2a" });
    remotePrintMessage({ message: "inner-hello2b" }, { name: "inner-hello2b" });
  });
});

export const innerStepsTemplate = clusterWorkflowTemplate({
  name: "cluster-workflow-template-inner-steps",
  templates: [printMessage, innerSteps],
});

const innerDiamond = dag({ name: "inner-diamond" }, () => {
  const a = remotePrintMessage({ message: "inner-A" }, { name: "inner-A" });
  const b = printMessage({ message: "inner-B" }, { name: "inner-B", after: a });
  const c = printMessage({ message: "inner-C" }, { name: "inner-C", after: a });
  remotePrintMessage({ message: "inner-D" }, { name: "inner-D", after: [b, c] });
});

export const innerDagTemplate = clusterWorkflowTemplate({
  name: "cluster-workflow-template-inner-dag",
  templates: [printMessage, innerDiamond],
});

export const submittable = clusterWorkflowTemplate({
  name: "cluster-workflow-template-submittable",
  parameters: { message: param(z.string(), { value: "hello world" }) },
  entrypoint: printMessage,
});
