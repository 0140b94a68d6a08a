import { container, dag, expr, forEachParam, outputFromPath, vars, workflow, z } from "@wfc/sdk";

const pod0 = container(
  { name: "pod-0", inputs: { foo: z.string() }, outputs: { output: outputFromPath(z.string(), "/output") } },
  ({ foo }) => ({
    image: "argoproj/argosay:v2",
    args: [
      "echo",
      `hello ${expr`asInt(${foo}) * 10`} @ ${expr`sprig.date('2006', ${vars.workflow.creationTimestamp})`}\n`,
      "/output",
    ],
  }),
);

// The loop list and the item are expressions.
const main = dag({ name: "main" }, () => {
  forEachParam(expr`toJson(filter([1, 3], {# > 1}))`, (item) => pod0({ foo: `${expr`${item}`}` }, { name: "task-0" }));
});

export default workflow({
  generateName: "expression-tag-template-",
  annotations: { "workflows.argoproj.io/version": ">= 3.1.0" },
  entrypoint: main,
});
