import { parseDepends } from "@wfc/sdk/internal";
import { describe, expect, it } from "vitest";
import type { TaskResults } from "./depends.js";
import { evaluateDepends, taskDependsLogic } from "./depends.js";

const none: TaskResults = {
  Succeeded: false,
  Failed: false,
  Errored: false,
  Skipped: false,
  Omitted: false,
  Daemoned: false,
  AnySucceeded: false,
  AllFailed: false,
};

describe("depends", () => {
  it("parses &&, ||, !, parentheses, task names with dashes and results", () => {
    expect(parseDepends("a-1 && (b.Failed || !c.Succeeded)")).toEqual({
      kind: "and",
      operands: [
        { kind: "task", task: "a-1" },
        {
          kind: "or",
          operands: [
            { kind: "task", task: "b", status: "Failed" },
            { kind: "not", operand: { kind: "task", task: "c", status: "Succeeded" } },
          ],
        },
      ],
    });
    expect(() => parseDepends("a &&")).toThrow(/depends "a &&": expected a task name/);
    expect(() => parseDepends("(a")).toThrow(/missing '\)'/);
  });
  it("lists dependencies and rejects unknown results (ValidateTaskResults)", () => {
    expect(taskDependsLogic({ name: "x", depends: "a.Succeeded || b || a.Failed" }).dependencies).toEqual(["a", "b"]);
    expect(taskDependsLogic({ name: "x", dependencies: ["a", "b"] }).dependencies).toEqual(["a", "b"]);
    expect(() => taskDependsLogic({ name: "x", depends: "a.Done" })).toThrow(/unknown task status "Done" of task "a"/);
  });
  it("a bare task is Succeeded || Skipped || Daemoned, plus Errored/Failed with continueOn (expandDependency)", () => {
    const e = parseDepends("a");
    const results = (r: Partial<TaskResults>) => () => ({ ...none, ...r });
    expect(evaluateDepends(e, results({ Skipped: true }), () => undefined)).toBe(true);
    expect(evaluateDepends(e, results({ Daemoned: true }), () => undefined)).toBe(true);
    expect(evaluateDepends(e, results({ Failed: true }), () => undefined)).toBe(false);
    expect(evaluateDepends(e, results({ Failed: true }), () => ({ failed: true }))).toBe(true);
    expect(evaluateDepends(e, results({ Errored: true }), () => ({ failed: true }))).toBe(false);
    expect(evaluateDepends(e, results({ Errored: true }), () => ({ error: true }))).toBe(true);
    expect(evaluateDepends(e, results({ Omitted: true }), () => undefined)).toBe(false);
    expect(
      evaluateDepends(parseDepends("a.AnySucceeded && !a.AllFailed"), results({ AnySucceeded: true }), () => undefined),
    ).toBe(true);
  });
});
