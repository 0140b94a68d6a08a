import { container, vars, workflow, z } from "@wfc/sdk";

const helloWorld = container({ name: "hello-world" }, { image: "busybox", command: ["echo"], args: ["hello world"] });

export default workflow({
  generateName: "pod-spec-patch-",
  parameters: { "mem-limit": z.string().default("100Mi") },
  podSpecPatch: `containers:
  - name: main
    resources:
      limits:
        memory: "${vars.workflow.parameter("mem-limit")}"
`,
  entrypoint: helloWorld,
});
