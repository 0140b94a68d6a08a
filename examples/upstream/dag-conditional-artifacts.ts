import { artifact, dag, eq, expr, ifThenElse, script, workflow } from "@wfc/sdk";

const flipCoin = script(
  { name: "flip-coin" },
  {
    image: "python:alpine3.23",
    command: ["python"],
    source: 'import random\nprint("heads" if random.randint(0,1) == 0 else "tails")\n',
  },
);

const writer = (side: string) =>
  script(
    { name: side, outputs: { result: artifact({ path: "/result.txt" }) } },
    {
      image: "python:alpine3.23",
      command: ["python"],
      source: `with open("result.txt", "w") as f:\n  f.write("it was ${side}")\n`,
    },
  );
const heads = writer("heads");
const tails = writer("tails");

const DESCRIPTION =
  "Conditional artifacts provides a way to choose the output artifacts based on an expression.\n\nIn this example the DAG template has two tasks which will run conditionall using `when`.\n\nBased on the condition one of steps may not execute. The step template output's artifact will be set to the\nexecuted step's output artifacts.\n";

// The output artifact comes from whichever branch ran.
const main = dag({ name: "main", outputs: { result: artifact() } }, () => {
  const flip = flipCoin();
  const h = heads({}, { when: eq(flip.result, "heads") });
  const t = tails({}, { when: eq(flip.result, "tails") });
  return { result: ifThenElse(expr`${flip.result} == 'heads'`, h.outputs.result, t.outputs.result) };
});

export default workflow({
  generateName: "dag-conditional-artifacts-",
  annotations: {
    "workflows.argoproj.io/description": DESCRIPTION,
    "workflows.argoproj.io/version": ">= 3.1.0",
  },
  entrypoint: main,
});
