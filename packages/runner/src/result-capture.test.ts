import { describe, expect, it } from "vitest";
import { capResult, hasOutputResultRef, stepOrTaskName } from "./result-capture.js";

describe("outputs.result capture", () => {
  it("names the step or task of a node as getStepOrDAGTaskName does", () => {
    expect(stepOrTaskName("wf.fanout1(0:1)(0)[0]")).toBe("fanout1");
    expect(stepOrTaskName("wf[1].gen-num")).toBe("gen-num");
  });
  it("captures only what the boundary references (tags and expressions)", () => {
    const dag = {
      name: "d",
      dag: {
        tasks: [
          { name: "b", arguments: { parameters: [{ name: "x", value: "{{tasks.gen-a.outputs.result}}" }] } },
          { name: "c", when: "{{=tasks['gen-b'].outputs.result == 'x'}}" },
        ],
      },
    };
    expect(hasOutputResultRef("wf.gen-a", dag)).toBe(true);
    expect(hasOutputResultRef("wf.gen-b(0:1)", dag)).toBe(true);
    expect(hasOutputResultRef("wf.gen-c", dag)).toBe(false);
    expect(
      hasOutputResultRef("wf[0].gen-a", {
        name: "s",
        steps: [[{ name: "u", arguments: { parameters: [{ name: "x", value: "{{steps.gen-a.outputs.result}}" }] } }]],
      }),
    ).toBe(true);
  });
  it("trims one trailing newline and keeps the last 256 kB", () => {
    expect(capResult("a\n\n")).toBe("a\n");
    const big = "x".repeat(300 * 1024);
    expect(capResult(`${big}end`).length).toBe(256 * 1024);
    expect(capResult(`${big}end`).endsWith("end")).toBe(true);
  });
});
