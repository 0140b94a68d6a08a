// A user's tests of ./quickstart.ts. The node scripts are real: runTemplate and runWorkflow run
// their compiled scripts in-process (no container), so these tests check the functions' code.
// The last test runs the same workflow with real containers, when podman can run them here.
import { ContainerExecutor, detectEngine, parseImageMapEntry, realClock } from "@wfc/runner";
import { mock, runTemplate, runWorkflow } from "@wfc/runner/testing";
import { describe, expect, it } from "vitest";
import quickstart, { plusOne, randomNumber } from "./quickstart.js";

describe("quickstart", () => {
  it("plusOne adds one (a unit test of one task)", async () => {
    const node = await runTemplate(plusOne, { x: 41 });
    expect(node.phase).toBe("Succeeded");
    expect(node.result).toBe(42); // typed: number, from `result: z.number()`
  });

  it("randomNumber draws between 0 and 99", async () => {
    const node = await runTemplate(randomNumber, {});
    expect(node.result).toBeGreaterThanOrEqual(0);
    expect(node.result).toBeLessThan(100);
  });

  it("passes the random number on to plusOne", async () => {
    const run = await runWorkflow(quickstart, { mocks: [mock(randomNumber, { result: 7 })] });
    expect(run.phase).toBe("Succeeded");
    expect(run.node(plusOne).result).toBe(8);
    expect(run.node(randomNumber).seq.end).toBeLessThan(run.node(plusOne).seq.start);
  });
});

// Real containers: podman runs each node script in its image (`isolate`, as `wfc run --isolate`);
// the image node:22-alpine is mapped to this machine's root file system, which has node.
const engine = await detectEngine().catch((e: Error) => e);
const noEngine =
  engine instanceof Error
    ? engine.message
    : engine.kind !== "podman"
      ? `rootfs image maps need podman, found ${engine.kind}`
      : undefined;
if (noEngine) console.warn(`examples/quickstart.test.ts: real-container test skipped: ${noEngine}`);

describe.skipIf(noEngine !== undefined)("quickstart with real containers", () => {
  it("runs both scripts in containers", async () => {
    const containers = new ContainerExecutor({
      engine: engine as Exclude<typeof engine, Error>,
      imageMap: [parseImageMapEntry("node:*=rootfs:/")],
    });
    const run = await runWorkflow(quickstart, { engine: containers, isolate: true, clock: realClock });
    expect(run.phase).toBe("Succeeded");
    expect(run.node(plusOne).result).toBe(run.node(randomNumber).result + 1);
  });
});
