import { container, param, steps, suspend, workflow, z } from "@wfc/sdk";

// The value is supplied when the workflow is resumed.
const approve = suspend({ name: "approve", outputs: { message: param(z.string(), { valueFrom: { supplied: {} } }) } });

const printMessage = container({ name: "print-message", inputs: { message: z.string() } }, ({ message }) => ({
  image: "busybox",
  command: ["echo"],
  args: [message],
}));

const main = steps({ name: "suspend" }, () => {
  const approval = approve();
  printMessage({ message: approval.outputs.message }, { name: "release" });
});

export default workflow({
  name: "suspend-outputs",
  labels: { "workflows.argoproj.io/no-test": "environment" },
  entrypoint: main,
});
