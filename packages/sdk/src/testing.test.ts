import { describe, expect, it } from "vitest";
import { CompileError, compile, container, toYaml, workflow, workflowEventBinding, z } from "./index.js";
import { synth, synthManifests } from "./testing.js";

const hello = container({ name: "hello", inputs: { msg: z.string() } }, ({ msg }) => ({
  image: "alpine",
  args: [msg],
}));
const wf = workflow({ name: "hi" }, () => {
  hello({ msg: "hi" });
});

describe("@wfc/sdk/testing", () => {
  it("synth prints what wfc build prints, one document per object in the order given", () => {
    const binding = workflowEventBinding({ name: "on-event", selector: "true", template: { name: "t" } });
    expect(synth(wf)).toBe(toYaml([compile(wf)]));
    const both = synth(wf, binding);
    expect(both.split("\n---\n")).toHaveLength(2);
    expect(synthManifests(wf, binding).map((m) => m.kind)).toEqual(["Workflow", "WorkflowEventBinding"]);
  });

  it("throws the compiler's error for an invalid workflow", () => {
    const bad = workflow({ name: "Bad_Name" }, () => {
      hello({ msg: "x" });
    });
    expect(() => synth(bad)).toThrow(CompileError);
  });
});
