import { describe, expect, it } from "vitest";
import { STACK_LINE, wfcBounded } from "./bounded.js";

const taskNames = (stdout: string): string[] => {
  const wf = JSON.parse(stdout) as { spec: { templates: { name: string; dag?: { tasks: { name: string }[] } }[] } };
  return wf.spec.templates.flatMap((t) => t.dag?.tasks.map((x) => x.name) ?? []);
};

describe("automatic task names (wfc build)", () => {
  it("pick the first free name-N, skipping names the author chose", () => {
    const r = wfcBounded(["build", "test/fixtures/harden/many-calls.ts", "-o", "json"]);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(r.code).toBe(0);
    expect(taskNames(r.stdout)).toEqual([
      "step",
      "step-3",
      "step-2",
      "step-4",
      "step-6",
      "step-5",
      "step-7",
      "step-8",
      "step-9",
      "step-10",
      "step-11",
    ]);
  });

  it("stay unique over 20,000 calls of one template (the naming is linear, not a scan per call)", () => {
    const r = wfcBounded(["build", "test/fixtures/harden/many-calls.ts", "-o", "json"], {
      env: { WFC_TEST_CALLS: "20000" },
      timeoutMs: 60_000,
    });
    expect(r.code).toBe(0);
    const names = taskNames(r.stdout);
    expect(names).toHaveLength(20005);
    expect(new Set(names).size).toBe(20005);
    expect(names.at(-1)).toBe("step-20005");
  }, 120_000);
});
