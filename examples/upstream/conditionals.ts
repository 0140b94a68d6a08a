import { container, eq, expr, exprDq, jsonpath, parallel, steps, vars, workflow, z } from "@wfc/sdk";

const argosay = container(
  { name: "argosay" },
  { image: "argoproj/argosay:v1", command: ["sh", "-c"], args: ["cowsay hello"] },
);

const conditionalExample = steps(
  { name: "conditional-example", inputs: { "should-print": z.string() } },
  ({ "should-print": shouldPrint }) => {
    parallel(() => {
      // govaluate form
      argosay({}, { name: "print-hello-govaluate", when: eq(shouldPrint, "true") });
      // expr form; a dash in the name needs brackets and quotes in expr (exprDq writes them as upstream: double quotes)
      argosay({}, { name: "print-hello-expr", when: exprDq` ${shouldPrint} == 'true'` });
      argosay(
        {},
        {
          name: "print-hello-expr-json",
          when: expr`${jsonpath(vars.workflow.parametersJson, "$[0].value")} == 'true'`,
        },
      );
    });
  },
);

export default workflow({
  generateName: "conditional-",
  parameters: { "should-print": z.string().default("true") },
  entrypoint: conditionalExample,
});
