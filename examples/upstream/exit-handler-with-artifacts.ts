import { artifact, container, script, steps, workflow } from "@wfc/sdk";

const output = script(
  { name: "output", outputs: { result: artifact({ path: "/result.txt" }) } },
  {
    image: "python:alpine3.23",
    command: ["python"],
    source: 'with open("result.txt", "w") as f:\n  f.write("Welcome")\n',
  },
);

const exit = container(
  { name: "exit", inputs: { message: artifact({ path: "/tmp/message" }) } },
  {
    image: "python:alpine3.23",
    command: ["sh", "-c"],
    args: ["cat /tmp/message"],
  },
);

// The step's exit hook gets the step's own output artifact.
const main = steps({ name: "main" }, () => {
  output(
    {},
    {
      name: "step-1",
      extra: (self) => ({
        hooks: {
          exit: { template: exit, arguments: { artifacts: [{ name: "message", from: `${self.outputs.result}` }] } },
        },
      }),
    },
  );
});

export default workflow({
  generateName: "exit-handler-with-artifacts-",
  annotations: {
    "workflows.argoproj.io/description":
      "onExitTemplate enables workflow to pass the arguments (parameters/Artifacts) to exit handler template.\n",
    "workflows.argoproj.io/version": ">= 3.1.0",
  },
  entrypoint: main,
});
