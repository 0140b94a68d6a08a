import {
  type DirectoryImport,
  type ImportError,
  type ImportOptions,
  type ImportResult,
  importDirectory,
  importManifests,
  importModule,
  type SourceFile,
} from "@wfc/import";
import type { WfcError } from "@wfc/sdk";
import { describe, expectTypeOf, it } from "vitest";

describe("@wfc/import public types", () => {
  it("importManifests takes the text, an optional file name and options, and returns the module's text", () => {
    expectTypeOf(importManifests).parameters.toEqualTypeOf<[text: string, file?: string, options?: ImportOptions]>();
    expectTypeOf(importManifests).returns.toEqualTypeOf<string>();
  });

  it("importModule also returns the notes and the exports", () => {
    expectTypeOf(importModule).returns.toEqualTypeOf<ImportResult>();
    expectTypeOf<ImportResult["notes"]>().toEqualTypeOf<readonly string[]>();
    expectTypeOf<ImportOptions["keepServerFields"]>().toEqualTypeOf<boolean | undefined>();
  });

  it("importDirectory takes files and returns modules and refusals", () => {
    expectTypeOf(importDirectory).parameters.toEqualTypeOf<[files: readonly SourceFile[], options?: ImportOptions]>();
    expectTypeOf(importDirectory).returns.toEqualTypeOf<DirectoryImport>();
    expectTypeOf<DirectoryImport["refused"][number]["code"]>().toEqualTypeOf<string>();
  });

  it("ImportError is a WfcError with a code", () => {
    expectTypeOf<ImportError>().toExtend<WfcError>();
    expectTypeOf<ImportError["code"]>().toEqualTypeOf<string>();
  });
});
