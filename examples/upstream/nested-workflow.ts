import { artifact, container, outputFromPath, parallel, param, steps, workflow, z } from "@wfc/sdk";

const generate = container(
  {
    name: "generate",
    outputs: {
      "out-parameter": outputFromPath(z.string(), "/tmp/my-output-parameter.txt"),
      "out-artifact": artifact({ path: "/tmp/my-output-artifact.txt" }),
    },
  },
  {
    image: "busybox",
    command: ["sh", "-c"],
    args: [
      " echo hello world | tee /tmp/my-output-artifact.txt && echo 'my-output-parameter' > /tmp/my-output-parameter.txt ",
    ],
  },
);

const consume = container(
  { name: "consume", inputs: { "in-parameter": z.string(), "in-artifact": artifact({ path: "/tmp/art" }) } },
  ({ "in-parameter": p }) => ({
    image: "alpine:3.23",
    command: ["sh", "-c"],
    args: [` echo 'input parameter value: ${p}' && echo 'input artifact contents:' && cat /tmp/art `],
  }),
);

// A steps template with its own inputs and outputs, used like any other template.
const nestedWf = steps(
  {
    name: "nested-wf",
    inputs: { "nested-in-parameter": z.string(), "nested-in-artifact": artifact() },
    outputs: { "nested-out-parameter": param(z.string()), "nested-out-artifact": artifact() },
  },
  ({ "nested-in-parameter": p, "nested-in-artifact": a }) => {
    const g = parallel(() => {
      consume({ "in-parameter": p, "in-artifact": a });
      return generate();
    });
    return { "nested-out-parameter": g.outputs["out-parameter"], "nested-out-artifact": g.outputs["out-artifact"] };
  },
);

const main = steps({ name: "nested-workflow-example" }, () => {
  const g = generate();
  const n = nestedWf(
    { "nested-in-parameter": g.outputs["out-parameter"], "nested-in-artifact": g.outputs["out-artifact"] },
    { name: "nested-wf" },
  );
  consume({ "in-parameter": n.outputs["nested-out-parameter"], "in-artifact": n.outputs["nested-out-artifact"] });
});

export default workflow({
  generateName: "nested-workflow-",
  labels: { "workflows.argoproj.io/no-test": "environment" },
  entrypoint: main,
});
