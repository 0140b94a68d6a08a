import { describe, expect, it } from "vitest";
import { expandSequence, itemString, loopNodeName } from "./loops.js";
import { run } from "./run-helpers.test-util.js";

describe("loops", () => {
  it("names iterations as generateNodeName does (parentheses dropped from the description)", () => {
    expect(loopNodeName("a", 0, "x(1)")).toBe("a(0:x1)");
    expect(itemString({ b: 1 })).toBe('{"b":1}');
  });
  it("expands sequences with start/end/count/format, counting down too", () => {
    expect(expandSequence({ count: "3" })).toEqual(["0", "1", "2"]);
    expect(expandSequence({ start: "5", end: "3" })).toEqual(["5", "4", "3"]);
    expect(expandSequence({ start: "1", end: "2", format: "w%03d" })).toEqual(["w001", "w002"]);
    expect(expandSequence({ count: "0" })).toEqual([]);
    expect(() => expandSequence({ count: "x" })).toThrow(/invalid syntax/);
  });
  it("gives mocks the task name without the loop suffix", async () => {
    const r = await run(`
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: l}
spec:
  entrypoint: main
  templates:
  - name: c
    container: {image: alpine, args: ["{{item}}"]}
  - name: main
    steps:
    - - {name: s, template: c, withItems: [a, b]}
`);
    expect(r.executor.requests.map((q) => q.taskName)).toEqual(["s", "s"]);
  });
});
