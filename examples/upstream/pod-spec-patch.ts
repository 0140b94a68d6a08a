import { container, vars, workflow, z } from "@wfc/sdk";

const cpuLimit = vars.workflow.parameter("cpu-limit");

const helloWorld = container(
  {
    name: "hello-world",
    podSpecPatch: `{"containers":[{"name":"main", "resources":{"limits":{"cpu": "${cpuLimit}" }}}]}`,
  },
  { image: "busybox", command: ["echo"], args: ["hello world"] },
);

export default workflow({
  generateName: "pod-spec-patch-",
  parameters: { "cpu-limit": z.string().default("100m") },
  entrypoint: helloWorld,
});
