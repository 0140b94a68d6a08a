import { join } from "node:path";
import ts from "typescript";
import { expect, it } from "vitest";
import { ROOT } from "../helpers.js";

// Every export of the `@wfc/runner/testing` entry has a doc comment with an example (as
// test/style/doc-comments.test.ts checks for the packages' main entries).
it("@wfc/runner/testing documents every export with a doc comment and an example", () => {
  const entry = join(ROOT, "packages/runner/src/testing/index.ts");
  const program = ts.createProgram([entry], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(entry)!)!;
  const missing: string[] = [];
  const exports = checker.getExportsOfModule(moduleSymbol);
  for (const exp of exports) {
    const symbol = exp.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exp) : exp;
    const docs = ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim();
    const hasExample = symbol.getJsDocTags(checker).some((t) => t.name === "example") || /@example/.test(docs);
    if (!docs) missing.push(`${exp.name}: no doc comment`);
    else if (!hasExample) missing.push(`${exp.name}: no @example`);
  }
  expect(exports.length).toBeGreaterThan(20);
  expect(missing).toEqual([]);
});
