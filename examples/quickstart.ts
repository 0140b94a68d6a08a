/**
 * Quick start: a task that draws a random number and a task that adds one to it, wired the way
 * Prefect's functional API does it: passing one task's result to the other makes the dependency.
 *
 *   npx wfc build examples/quickstart.ts
 */
import { nodeScript, workflow, z } from "@wfc/sdk";

/** Draws a random number between 0 and 99. */
export const randomNumber = nodeScript({
  result: z.number(),
  run: function randomNumber() {
    return Math.floor(Math.random() * 100);
  },
});

/** Adds one. */
export const plusOne = nodeScript({
  inputs: { x: z.number() },
  result: z.number(),
  run: function plusOne({ x }) {
    return x + 1;
  },
});

export default workflow({ generateName: "quickstart-" }, () => {
  const n = randomNumber();
  plusOne({ x: n.result });
});
