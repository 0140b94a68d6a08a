import { readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers.js";

// What an editor shows when hovering a factory's template, a task and its outputs: the TypeScript
// language service's quick info over test/style/hover-fixture.ts (which imports the built
// @wfc/sdk, as a user's project does). Readable shapes (`Template<{ msg: string; ... }>`), never
// the declarations they came from (`ParamDecl<z.ZodNumber, ...>`) nor intersections.
const FILE = join(ROOT, "test/style/hover-fixture.ts");
const TEXT = readFileSync(FILE, "utf8");

function languageService(): ts.LanguageService {
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
  };
  return ts.createLanguageService({
    getScriptFileNames: () => [FILE],
    getScriptVersion: () => "1",
    getScriptSnapshot: (f) =>
      ts.sys.fileExists(f) ? ts.ScriptSnapshot.fromString(ts.sys.readFile(f) ?? "") : undefined,
    getCurrentDirectory: () => ROOT,
    getCompilationSettings: () => options,
    getDefaultLibFileName: ts.getDefaultLibFilePath,
    fileExists: ts.sys.fileExists,
    readFile: ts.sys.readFile,
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
  });
}

const ls = languageService();

/**
 * The quick info of the name marked `// hover: <name>`: on the marked line, or else on the
 * nearest line above it (the start of a multi-line statement), outside strings.
 */
function hover(name: string): string {
  const lines = TEXT.split("\n");
  const marked = lines.findIndex((l) => l.includes(`// hover: ${name}`));
  if (marked < 0) throw new Error(`no "// hover: ${name}" in the fixture`);
  const onLine = (i: number, re: RegExp) => lines[i]!.replace(/\/\/.*$/, "").search(re);
  const re = new RegExp(`(?<!["\\w])${name}\\b`);
  let line = marked;
  while (line > 0 && onLine(line, re) < 0) line--;
  const col = onLine(line, re);
  const pos = lines.slice(0, line).join("\n").length + (line ? 1 : 0) + col;
  const info = ls.getQuickInfoAtPosition(FILE, pos);
  return ts.displayPartsToString(info?.displayParts).replace(/\s+/g, " ");
}

describe("hover text", () => {
  it("the fixture type-checks", () => {
    const diagnostics = [...ls.getSyntacticDiagnostics(FILE), ...ls.getSemanticDiagnostics(FILE)];
    expect(diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"))).toEqual([]);
  });

  it("shows a factory's template as its input, output and result types", () => {
    expect(hover("hello")).toBe(
      "const hello: Template<{ msg: string; times?: number | undefined; }, { count: number; data: Artifact; }, string>",
    );
    expect(hover("rnd")).toBe("const rnd: Template<{}, {}, number>");
    expect(hover("add")).toBe("const add: Template<{ a: number; b?: number | undefined; }, {}, number>");
    expect(hover("inner")).toBe("const inner: Template<{ label: string; }, { n: number; }, never>");
  });

  it("shows a TypeScript script function's inputs as their values", () => {
    expect(hover("sum")).toBe("(local function) sum({ a, b }: { readonly a: number; readonly b: number; }): number");
  });

  it("shows a task and its outputs by value types", () => {
    expect(hover("task")).toBe("const task: Task<{ count: number; data: Artifact; }, string>");
    expect(hover("outputs")).toContain("outputs: RefsOf<{ count: number; data: Artifact; }>");
  });

  it("has no declaration types, zod classes or intersections in it", () => {
    for (const name of ["hello", "rnd", "add", "sum", "inner", "task", "outputs"]) {
      const text = hover(name);
      expect(text, name).not.toMatch(/ParamDecl<|ArtifactDecl|Zod[A-Z]\w*| & /);
    }
  });
});
