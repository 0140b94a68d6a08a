/**
 * The builder twins of `decorators.ts`: the same two pipelines written with `nodeScript`,
 * `container` and `workflow` / `cronWorkflow`. They build to the same manifests. (The constants
 * are not named like the functions: a loader such as tsx renames a function expression that
 * shares its name with the constant holding it, `randomNumber` -> `randomNumber2`.)
 *
 *   npx wfc build examples/decorators-builder.ts
 */
import { container, cronWorkflow, nodeScript, outputFromPath, workflow, z } from "@wfc/sdk";

export const randomNumberTask = nodeScript({
  result: z.number(),
  run: function randomNumber() {
    return Math.floor(Math.random() * 100);
  },
});

export const plusOneTask = nodeScript({
  inputs: { x: z.number() },
  result: z.number(),
  run: function plusOne({ x }) {
    return x + 1;
  },
});

export const report = container(
  { name: "report", inputs: { n: z.number() }, outputs: { digits: outputFromPath(z.number(), "/tmp/digits") } },
  ({ n }) => ({
    image: "busybox:1.37",
    command: ["sh", "-c"],
    args: [`echo "result: ${n}"; printf %s "${n}" | wc -c > /tmp/digits`],
  }),
);

export default workflow({ generateName: "random-plus-one-" }, () => {
  const n = randomNumberTask();
  const m = plusOneTask({ x: n.result });
  report({ n: m.result });
});

const firstTaskT = nodeScript({
  run: function firstTask() {
    console.log("first");
  },
});
const secondTaskT = nodeScript({
  run: function secondTask() {
    console.log("second");
  },
});
const thirdTaskT = nodeScript({
  run: function thirdTask() {
    console.log("third");
  },
});
const fourthTaskT = nodeScript({
  run: function fourthTask() {
    console.log("fourth");
  },
});

export const daily = cronWorkflow({ name: "daily-fan-out", schedules: ["@daily"] }, () => {
  const first = firstTaskT();
  const fourth = fourthTaskT();
  secondTaskT({}, { after: first });
  thirdTaskT({}, { after: [first, fourth] });
});
