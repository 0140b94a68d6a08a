/** `pipelines/hello.ts` of a new project: two node scripts, the second takes the first's result. */
export const HELLO_PIPELINE = `/**
 * A first pipeline: a task that draws a random number and a task that adds one to it. Passing one
 * task's result to the other makes the dependency.
 *
 *   npx wfc build pipelines/hello.ts     (this file, to stdout)
 *   npm run build                        (every pipeline, to manifests/)
 */
import { nodeScript, workflow, z } from "wfc";

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

export default workflow({ generateName: "hello-" }, () => {
  const n = randomNumber();
  plusOne({ x: n.result });
});
`;

/** `pipelines/hello.test.ts` of a new project: one task on its own, then the whole workflow with a mock. */
export const HELLO_TEST = `// Tests of ./hello.ts. runTemplate and runWorkflow run the compiled node scripts in-process
// (no container, no cluster), so these tests check the functions' code.
import { mock, runTemplate, runWorkflow } from "wfc/testing";
import { describe, expect, it } from "vitest";
import hello, { plusOne, randomNumber } from "./hello.js";

describe("hello", () => {
  it("plusOne adds one", async () => {
    const node = await runTemplate(plusOne, { x: 41 });
    expect(node.phase).toBe("Succeeded");
    expect(node.result).toBe(42);
  });

  it("passes the random number on to plusOne", async () => {
    const run = await runWorkflow(hello, { mocks: [mock(randomNumber, { result: 7 })] });
    expect(run.phase).toBe("Succeeded");
    expect(run.node(plusOne).result).toBe(8);
  });
});
`;
