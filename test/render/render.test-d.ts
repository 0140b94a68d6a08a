import { describe, expectTypeOf, it } from "vitest";
import { renderPicture, reportData, writeReport } from "../../packages/cli/src/render/index.js";
import type { ReportData } from "../../packages/cli/src/render/report-model.js";

describe("render types", () => {
  it("renderPicture takes a picture format and gives text or bytes", () => {
    expectTypeOf(renderPicture).parameter(1).toEqualTypeOf<"svg" | "png" | "html">();
    expectTypeOf(renderPicture).returns.resolves.toEqualTypeOf<string | Buffer>();
    // @ts-expect-error mermaid is text, not a picture
    void renderPicture([], "mermaid");
  });

  it("reportData reads a status and gives the report; writeReport resolves when written", () => {
    expectTypeOf(reportData).returns.toEqualTypeOf<ReportData>();
    expectTypeOf(reportData)
      .parameter(1)
      .toEqualTypeOf<{ readonly runDir?: string; readonly logsNote?: string } | undefined>();
    expectTypeOf(writeReport).returns.resolves.toBeVoid();
    expectTypeOf<ReportData["nodes"][number]["phase"]>().toBeString();
  });
});
