import { container, dag, workflow, z } from "@wfc/sdk";

const echo = container({ name: "echo", inputs: { message: z.string() } }, ({ message }) => ({
  image: "busybox",
  command: ["echo", message],
}));

//   A
//  / \
// B   C
//  \ /
//   D
const diamond = dag({ name: "diamond" }, () => {
  const a = echo({ message: "A" }, { name: "A" });
  const b = echo({ message: "B" }, { name: "B", after: a });
  const c = echo({ message: "C" }, { name: "C", after: a });
  echo({ message: "D" }, { name: "D", after: [b, c] });
});

export default workflow({ generateName: "dag-diamond-", entrypoint: diamond });
