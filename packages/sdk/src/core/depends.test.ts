import { describe, expect, it } from "vitest";
import { type DependsNode, dependsTasks, parseDepends, printDepends } from "./depends.js";
import { WfcError } from "./errors.js";

describe("parseDepends", () => {
  it("parses names, statuses, !, &&, || with Argo's precedence", () => {
    expect(parseDepends("a")).toEqual({ kind: "task", task: "a" });
    expect(parseDepends("fetch-data.Succeeded")).toEqual({ kind: "task", task: "fetch-data", status: "Succeeded" });
    expect(parseDepends("a && b || !c.Failed")).toEqual({
      kind: "or",
      operands: [
        {
          kind: "and",
          operands: [
            { kind: "task", task: "a" },
            { kind: "task", task: "b" },
          ],
        },
        { kind: "not", operand: { kind: "task", task: "c", status: "Failed" } },
      ],
    });
    expect(parseDepends(" ( A.AnySucceeded||B.AllFailed ) && 1st ")).toEqual({
      kind: "and",
      operands: [
        {
          kind: "or",
          operands: [
            { kind: "task", task: "A", status: "AnySucceeded" },
            { kind: "task", task: "B", status: "AllFailed" },
          ],
        },
        { kind: "task", task: "1st" },
      ],
    });
  });

  it.each([
    ["", "the expression is empty at position 0"],
    ["a &&", "expected a task name but the expression ends at position 4"],
    ["(a || b", "missing ')' at position 7"],
    ["a b", "unexpected 'b' at position 2"],
    ["a.Succeded", 'unknown task status "Succeded" of task "a"'],
    ["a & b", "unexpected '&' at position 2"],
    ["&& a", "expected a task name but found '&' at position 0"],
  ])("rejects %j with E_DEPENDS_SYNTAX naming the position", (text, message) => {
    let err: unknown;
    try {
      parseDepends(text);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(WfcError);
    expect((err as WfcError).code).toBe("E_DEPENDS_SYNTAX");
    expect((err as WfcError).message).toContain(`depends "${text}"`);
    expect((err as WfcError).message).toContain(message);
  });
});

describe("printDepends", () => {
  it.each([
    "a",
    "a.Failed",
    "a && b && c",
    "a || b",
    "(a || b) && c",
    "(a && b) || c",
    "!(a && b)",
    "!a.Succeeded || (b.Errored && c)",
    "(a && b) && c",
  ])("round-trips %j", (text) => {
    const node = parseDepends(text);
    expect(printDepends(node)).toBe(text);
    expect(parseDepends(printDepends(node))).toEqual(node);
  });

  it("parenthesises every nested group (the form the compiler has always written)", () => {
    expect(printDepends(parseDepends("a && b || c"))).toBe("(a && b) || c");
  });

  it("parenthesises a top-level group that is an operand, and prints task names through `name`", () => {
    const node: DependsNode = {
      kind: "or",
      operands: [
        { kind: "task", task: "a" },
        { kind: "task", task: "b", status: "Failed" },
      ],
    };
    expect(printDepends(node, { operand: true })).toBe("(a || b.Failed)");
    expect(printDepends({ kind: "task", task: { id: 7 } }, { name: (t) => `t${t.id}` })).toBe("t7");
  });

  it("lists the tasks an expression mentions", () => {
    expect(dependsTasks(parseDepends("a.Failed || (b && !a)"))).toEqual(["a", "b", "a"]);
  });
});
