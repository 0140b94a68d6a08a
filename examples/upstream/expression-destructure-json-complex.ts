import { jsonpath, param, script, vars, workflow, z } from "@wfc/sdk";

const config = vars.workflow.parameter("config");

const main = script(
  {
    name: "main",
    inputs: {
      a: param(z.string(), { value: jsonpath(config, '$.employees[?(@.name=="Baris")].age') }),
      b: param(z.string(), { value: jsonpath(config, "$.employees[?(@.age>42 && @.age<44)].age") }),
      c: param(z.string(), { value: jsonpath(config, "$.employees[0:1]") }),
      d: param(z.string(), { value: jsonpath(config, "$.employees[*].name") }),
    },
  },
  ({ a, b, c, d }) => ({
    env: [
      { name: "A", value: a },
      { name: "B", value: b },
      { name: "C", value: c },
      { name: "D", value: d },
    ],
    image: "busybox",
    command: ["sh"],
    source: 'echo "$A$B$C$D"\n',
  }),
);

export default workflow({
  generateName: "expression-destructure-json-complex-",
  parameters: {
    config: z
      .string()
      .default('{"employees": [{"name": "Baris", "age":43},{"name": "Mo", "age": 42}, {"name": "Jai", "age" :44}]}'),
  },
  entrypoint: main,
});
