import { dag, eq, expr, ifThenElse, param, script, workflow, z } from "@wfc/sdk";

const py = (name: string, source: string) =>
  script({ name }, { image: "python:alpine3.23", command: ["python"], source });
const flipCoin = py("flip-coin", 'import random\nprint("heads" if random.randint(0,1) == 0 else "tails")\n');
const heads = py("heads", 'print("heads")\n');
const tails = py("tails", 'print("tails")\n');

const DESCRIPTION =
  "Conditional parameters provide a way to choose the output parameters based on expression.\n\nIn this example DAG template has two task which will run conditionally based on `when`.\n\nBased on this condition one of task may not execute. The template's output parameter will be set to the\nexecuted taks's output result.\n";

// The output parameter is the result of whichever branch ran.
const main = dag({ name: "main", outputs: { stepresult: param(z.string()) } }, () => {
  const flip = flipCoin();
  const h = heads({}, { when: eq(flip.result, "heads") });
  const t = tails({}, { when: eq(flip.result, "tails") });
  return { stepresult: ifThenElse(expr`${flip.result} == 'heads'`, h.result, t.result) };
});

export default workflow({
  generateName: "dag-conditional-parameter-",
  annotations: { "workflows.argoproj.io/description": DESCRIPTION, "workflows.argoproj.io/version": ">= 3.1.0" },
  entrypoint: main,
});
