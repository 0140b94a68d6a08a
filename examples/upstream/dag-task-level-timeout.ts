import { container, dag, workflow, z } from "@wfc/sdk";

// The template's timeout comes from its input.
const echo = container(
  { name: "echo", inputs: { timeout: z.string() }, timeout: ({ timeout }) => timeout },
  { image: "busybox", command: ["sleep", "15s"] },
);

const diamond = dag({ name: "diamond" }, () => {
  const a = echo({ timeout: "20s" }, { name: "A" });
  echo({ timeout: "10s" }, { name: "B", after: a });
  echo({ timeout: "20s" }, { name: "C", after: a });
});

export default workflow({
  generateName: "dag-task-level-timeout-",
  labels: { "workflows.argoproj.io/no-test": "expected-failure" },
  entrypoint: diamond,
});
