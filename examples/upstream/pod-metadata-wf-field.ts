import { container, steps, workflow, z } from "@wfc/sdk";

const printMessage = container({ name: "print-message", inputs: { message: z.string() } }, ({ message }) => ({
  image: "busybox",
  command: ["echo"],
  args: [message],
}));

const main = steps({ name: "hello-hello-hello" }, () => {
  printMessage({ message: "hello1" }, { name: "hello1" });
});

// Labels and annotations for every pod of the workflow.
export default workflow({
  generateName: "steps-",
  podMetadata: {
    annotations: { "iam.amazonaws.com/role": "role-arn" },
    labels: { app: "print-message", tier: "demo" },
  },
  entrypoint: main,
});
