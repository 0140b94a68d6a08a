import { artifact, container, parallel, param, steps, vars, workflow, z } from "@wfc/sdk";

// Outputs exported to the workflow's global scope with globalName.
const globalOutput = container(
  {
    name: "global-output",
    outputs: {
      "hello-param": param(z.string(), { valueFrom: { path: "/tmp/hello_world.txt" }, globalName: "my-global-param" }),
      "hello-art": artifact({ path: "/tmp/hello_world.txt", globalName: "my-global-art" }),
    },
  },
  { image: "alpine:3.23", command: ["sh", "-c"], args: ["sleep 1; echo -n hello world > /tmp/hello_world.txt"] },
);

const consumeGlobalParam = container(
  {
    name: "consume-global-param",
    inputs: { param: param(z.string(), { value: vars.workflow.outputParameter("my-global-param") }) },
  },
  ({ param }) => ({ image: "alpine:3.23", command: ["sh", "-c"], args: [`echo ${param}`] }),
);

const consumeGlobalArt = container(
  { name: "consume-global-art", inputs: { art: artifact({ path: "/art" }) } },
  {
    image: "alpine:3.23",
    command: ["sh", "-c"],
    args: ["cat /art"],
  },
);

const consumeGlobals = steps({ name: "consume-globals" }, () => {
  parallel(() => {
    consumeGlobalParam();
    consumeGlobalArt({ art: vars.workflow.outputArtifact("my-global-art") });
  });
});

const generateGlobals = steps({ name: "generate-globals" }, () => {
  globalOutput({}, { name: "generate" });
  consumeGlobals();
});

export default workflow({ generateName: "global-outputs-", entrypoint: generateGlobals, onExit: consumeGlobals });
