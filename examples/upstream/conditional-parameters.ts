import { eq, expr, ifThenElse, parallel, param, script, steps, workflow, z } from "@wfc/sdk";

const py = (name: string, source: string) =>
  script({ name }, { image: "python:alpine3.23", command: ["python"], source });
const flipCoin = py("flip-coin", 'import random\nprint("heads" if random.randint(0,1) == 0 else "tails")\n');
const heads = py("heads", 'print("heads")\n');
const tails = py("tails", 'print("tails")\n');

const DESCRIPTION =
  "Conditional parameters provide a way to choose the output parameters based on expression.\n\nIn this example the step template has two steps which will run conditionally on `when`.\n\nBased on that condition, one of step will not be executed. The step template's output parameter will be\nset from the executed step's output.\n";

// The output parameter is the result of whichever branch ran.
const main = steps({ name: "main", outputs: { stepresult: param(z.string()) } }, () => {
  const flip = flipCoin();
  const [h, t] = parallel(
    () => [heads({}, { when: eq(flip.result, "heads") }), tails({}, { when: eq(flip.result, "tails") })] as const,
  );
  return { stepresult: ifThenElse(expr`${flip.result} == 'heads'`, h.result, t.result) };
});

export default workflow({
  generateName: "conditional-parameter-",
  annotations: { "workflows.argoproj.io/description": DESCRIPTION, "workflows.argoproj.io/version": ">= 3.1.0" },
  entrypoint: main,
});
