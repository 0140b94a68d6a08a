import { type ImportError, importManifests } from "@wfc/import";
import type { WfcError } from "@wfc/sdk";
import { describe, expectTypeOf, it } from "vitest";

describe("@wfc/import public types", () => {
  it("importManifests takes the text and an optional file name, and returns the module's text", () => {
    expectTypeOf(importManifests).parameters.toEqualTypeOf<[text: string, file?: string]>();
    expectTypeOf(importManifests).returns.toEqualTypeOf<string>();
  });

  it("ImportError is a WfcError with a code", () => {
    expectTypeOf<ImportError>().toExtend<WfcError>();
    expectTypeOf<ImportError["code"]>().toEqualTypeOf<string>();
  });
});
