import { container, vars, workflow, z } from "@wfc/sdk";

const printMessage = container(
  { name: "print-message" },
  { image: "busybox", command: ["echo"], args: [`${vars.workflow.parameter("message")}`] },
);

export default workflow({
  generateName: "global-parameters-",
  parameters: { message: z.string().default("hello world") },
  entrypoint: printMessage,
});
