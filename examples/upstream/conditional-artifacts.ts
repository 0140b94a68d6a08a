import { artifact, eq, expr, ifThenElse, parallel, script, steps, workflow } from "@wfc/sdk";

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
  "Conditional artifacts provide a way to choose the output artifacts based on expression.\n\nIn this example the main template has two steps which will run conditionall using `when` .\n\nBased on the `when` condition one of step will not execute. The main template's output artifact named \"result\"\nwill be set to the executed step's output.\n";

// The output artifact comes from whichever branch ran.
const main = steps({ name: "main", outputs: { result: artifact() } }, () => {
  const flip = flipCoin();
  const [h, t] = parallel(
    () => [heads({}, { when: eq(flip.result, "heads") }), tails({}, { when: eq(flip.result, "tails") })] as const,
  );
  return { result: ifThenElse(expr`${flip.result} == 'heads'`, h.outputs.result, t.outputs.result) };
});

export default workflow({
  generateName: "conditional-artifacts-",
  annotations: {
    "workflows.argoproj.io/description": DESCRIPTION,
    "workflows.argoproj.io/version": ">= 3.1.0",
  },
  entrypoint: main,
});
