import { jsonpath, param, script, vars, workflow, z } from "@wfc/sdk";

const config = vars.workflow.parameter("config");

// Each input's default value is read out of the JSON parameter by an expression.
const main = script(
  {
    name: "main",
    inputs: {
      a: param(z.string(), { value: jsonpath(config, "$.a") }),
      b: param(z.string(), { value: jsonpath(config, "$.b") }),
      c: param(z.string(), { value: jsonpath(config, "$.c") }),
    },
  },
  ({ a, b, c }) => ({
    env: [
      { name: "A", value: a },
      { name: "B", value: b },
      { name: "C", value: c },
    ],
    image: "busybox",
    command: ["sh"],
    source: 'echo "$A$B$C"\n',
  }),
);

export default workflow({
  generateName: "expression-destructure-json-",
  annotations: { "workflows.argoproj.io/version": ">= 3.1.0" },
  parameters: { config: z.string().default('{"a": "1", "b": "2", "c": "3"}') },
  entrypoint: main,
});
