import { expr, script, steps, vars, workflow, z } from "@wfc/sdk";

const safeToRetry = script(
  { name: "safe-to-retry", result: z.boolean() },
  { image: "python:alpine3.23", command: ["python"], source: 'print("true")\n' },
);

const { exitCode, status, duration, message } = vars.lastRetry;
const safe = vars.inputs.parameter("safe-to-retry");

// Retries only while the expression over the last attempt holds.
const retryScript = script(
  {
    name: "retry-script",
    inputs: { "safe-to-retry": z.boolean() },
    retryStrategy: {
      limit: "10",
      // the input is substituted as text ({{inputs.parameters.safe-to-retry}}) before the expression is evaluated
      expression:
        expr`asInt(${exitCode}) > 1 && ${status} != "Error" && asInt(${duration}) < 120 && (${`${safe}`} == true || ${message} matches 'imminent node shutdown|pod deleted')`
          .text,
    },
  },
  {
    image: "python:alpine3.23",
    command: ["python"],
    source: "import random;\nimport sys;\nexit_code = random.choice([1, 2]);\nsys.exit(exit_code)\n",
  },
);

const main = steps({ name: "main" }, () => {
  const safe = safeToRetry();
  retryScript({ "safe-to-retry": safe.result }, { name: "retry" });
});

export default workflow({
  generateName: "retry-script-",
  labels: { "workflows.argoproj.io/no-test": "environment" },
  entrypoint: main,
});
