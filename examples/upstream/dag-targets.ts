import { container, dag, vars, workflow, z } from "@wfc/sdk";

const echo = container({ name: "echo", inputs: { message: z.string() } }, ({ message }) => ({
  image: "busybox",
  command: ["echo", message],
}));

// Only the target task (and what it needs) runs.
const dagTarget = dag({ name: "dag-target", target: `${vars.workflow.parameter("target")}` }, () => {
  const a = echo({ message: "A" }, { name: "A" });
  const b = echo({ message: "B" }, { name: "B", after: a });
  const c = echo({ message: "C" }, { name: "C", after: a });
  echo({ message: "D" }, { name: "D", after: [b, c] });
  echo({ message: "E" }, { name: "E", after: c });
});

export default workflow({
  generateName: "dag-target-",
  parameters: { target: z.string().default("E") },
  entrypoint: dagTarget,
});
