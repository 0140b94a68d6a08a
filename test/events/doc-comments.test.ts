import { join } from "node:path";
import ts from "typescript";
import { expect, it } from "vitest";
import { ROOT } from "../helpers.js";

// Every export of @wfc/events has a doc comment with an example, except the generated Argo Events types
// (documented from the schema) re-exported wholesale.
it("@wfc/events documents every export with a doc comment and an example", () => {
  const entry = join(ROOT, "packages/events/src/index.ts");
  const program = ts.createProgram([entry], { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, strict: true, skipLibCheck: true });
  const checker = program.getTypeChecker();
  const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(entry)!)!;
  const missing: string[] = [];
  for (const exp of checker.getExportsOfModule(moduleSymbol)) {
    const symbol = exp.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exp) : exp;
    const decls = symbol.getDeclarations() ?? [];
    if (decls.some((d) => d.getSourceFile().fileName.endsWith("types.gen.ts")) && exp.name !== "RELAXED_REQUIRED") continue;
    const docs = ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim();
    const hasExample = symbol.getJsDocTags(checker).some((t) => t.name === "example");
    if (!docs) missing.push(`${exp.name}: no doc comment`);
    else if (!hasExample) missing.push(`${exp.name}: no @example`);
  }
  expect(missing).toEqual([]);
});
