import { container, expr, vars, workflow, z } from "@wfc/sdk";

const main = container({ name: "main" }, { image: "argoproj/argosay:v2" });

// The workflow gets a label foo whose value is the parameter foo.
export default workflow({
  generateName: "label-value-from-",
  annotations: {
    "workflows.argoproj.io/version": ">= v3.3.0",
    "workflows.argoproj.io/description":
      "This examples show you how to add labels based on an expression.\nYou can then query workflows based on the parameters they were invoked with.\nIn this specific case, the value of foo will set as a label on the workflow.\n",
  },
  parameters: { foo: z.string().default("bar") },
  workflowMetadata: { labelsFrom: { foo: { expression: expr`${vars.workflow.parameter("foo")}`.text } } },
  entrypoint: main,
});
