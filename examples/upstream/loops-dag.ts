import { container, dag, forEach, workflow, z } from "@wfc/sdk";

const printMessage = container({ name: "print-message", inputs: { message: z.string() } }, ({ message }) => ({
  image: "busybox",
  command: ["echo"],
  args: [message],
}));

const loopsDag = dag({ name: "loops-dag" }, () => {
  const a = printMessage({ message: "A" }, { name: "A" });
  const b = forEach(["foo", "bar", "baz"], (item) => printMessage({ message: item }, { name: "B", after: a }));
  printMessage({ message: "C" }, { name: "C", after: b });
});

export default workflow({
  generateName: "loops-dag-",
  labels: { "workflows.argoproj.io/no-test": "environment" },
  entrypoint: loopsDag,
});
