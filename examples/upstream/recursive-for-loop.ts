import { lt, script, steps, workflow, z } from "@wfc/sdk";

const counterIteration = script(
  { name: "counter-iteration", inputs: { counter: z.number() }, result: z.number() },
  ({ counter }) => ({
    image: "python:alpine3.23",
    command: ["python"],
    source: `print(${counter} + 1)\n`,
  }),
);

// Counts up to the limit by running itself again.
const loop = steps({ name: "loop", inputs: { counter: z.number(), limit: z.number() } }, ({ counter, limit }, self) => {
  const next = counterIteration({ counter }, { name: "iterate-counter" });
  self({ counter: next.result, limit }, { name: "continue", when: lt(next.result, limit) });
});

const plan = steps({ name: "plan" }, () => {
  loop({ counter: 0, limit: 10 }, { name: "recurse" });
});

export default workflow({
  generateName: "recursive-loop-",
  labels: { "workflows.argoproj.io/no-test": "flaky" },
  entrypoint: plan,
});
