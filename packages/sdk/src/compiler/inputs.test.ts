// Inputs Argo cannot express: an optional input without a default (Argo requires a value for every
// input parameter) and an argument given as `undefined` (the task would pass nothing).
import { describe, expect, it } from "vitest";
import { CompileError, compile, container, workflow, z } from "../index.js";

function diagnostics(build: () => Parameters<typeof compile>[0]): { code: string; message: string }[] {
  try {
    compile(build());
  } catch (e) {
    if (e instanceof CompileError) return e.diagnostics.map((d) => ({ code: d.code, message: d.message }));
    throw e;
  }
  return [];
}

describe("inputs", () => {
  it("an input declared .optional() without a default is an error that suggests .default(...)", () => {
    const echo = container({ name: "echo", inputs: { n: z.string().optional() } }, { image: "alpine" });
    const d = diagnostics(() =>
      workflow({ name: "opt" }, () => {
        echo({});
      }),
    );
    expect(d.map((x) => x.code)).toContain("E_OPTIONAL_INPUT");
    expect(d.find((x) => x.code === "E_OPTIONAL_INPUT")!.message).toContain('input "n" is optional but has no default');
    expect(d.find((x) => x.code === "E_OPTIONAL_INPUT")!.message).toContain(".default(");
  });

  it("an optional input with a default, or a fixed value, is fine and callers may leave it out", () => {
    const echo = container({ name: "echo", inputs: { n: z.string().optional().default("x") } }, { image: "alpine" });
    expect(
      diagnostics(() =>
        workflow({ name: "opt-ok" }, () => {
          echo({});
        }),
      ),
    ).toEqual([]);
  });

  it("an argument given as undefined is an error naming the input (it is not silently dropped)", () => {
    const square = container({ name: "square", inputs: { n: z.number() } }, { image: "alpine" });
    const d = diagnostics(() =>
      workflow({ name: "undef" }, () => {
        square({ n: undefined as unknown as number });
      }),
    );
    expect(d).toContainEqual(
      expect.objectContaining({
        code: "E_UNDEFINED_ARGUMENT",
        message: expect.stringContaining('input "n" of template "square" is given undefined'),
      }),
    );
  });

  it("undefined for an input with a default is an error too", () => {
    const echo = container({ name: "echo", inputs: { n: z.string().default("x") } }, { image: "alpine" });
    const d = diagnostics(() =>
      workflow({ name: "undef-default" }, () => {
        echo({ n: undefined });
      }),
    );
    expect(d.map((x) => x.code)).toEqual(["E_UNDEFINED_ARGUMENT"]);
  });
});
