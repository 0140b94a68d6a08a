import { container, dag, workflow, z } from "@wfc/sdk";

const echo = container({ name: "echo", inputs: { message: z.string() } }, ({ message }) => ({
  image: "busybox",
  command: ["echo", message],
}));

const nestedDiamond = dag({ name: "nested-diamond", inputs: { message: z.string() } }, ({ message }) => {
  const a = echo({ message: `${message}A` }, { name: "A" });
  const b = echo({ message: `${message}B` }, { name: "B", after: a });
  const c = echo({ message: `${message}C` }, { name: "C", after: a });
  echo({ message: `${message}D` }, { name: "D", after: [b, c] });
});

const diamond = dag({ name: "diamond" }, () => {
  const a = nestedDiamond({ message: "A" }, { name: "A" });
  const b = nestedDiamond({ message: "B" }, { name: "B", after: a });
  const c = nestedDiamond({ message: "C" }, { name: "C", after: a });
  nestedDiamond({ message: "D" }, { name: "D", after: [b, c] });
});

export default workflow({
  generateName: "dag-nested-",
  labels: { "workflows.argoproj.io/no-test": "flaky" },
  entrypoint: diamond,
});
