import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers.js";

// Every public symbol (every export of a package's single entry) has a doc comment with a short
// example. Generated Argo types re-exported wholesale are documented from Argo's schema instead.
const PACKAGES = ["sdk", "cli", "client", "events", "import", "wfc"];

function undocumented(pkg: string): string[] {
  const entry = join(ROOT, "packages", pkg, "src/index.ts");
  const program = ts.createProgram([entry], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry)!;
  const moduleSymbol = checker.getSymbolAtLocation(source)!;
  const missing: string[] = [];
  for (const exp of checker.getExportsOfModule(moduleSymbol)) {
    if (exp.name === "z") continue; // zod, re-exported as is
    const symbol = exp.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exp) : exp;
    const decls = symbol.getDeclarations() ?? [];
    if (
      decls.some(
        (d) =>
          d.getSourceFile().fileName.includes("/node_modules/") || d.getSourceFile().fileName.endsWith("types.gen.ts"),
      )
    )
      continue;
    const docs = ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim();
    const tags = symbol.getJsDocTags(checker);
    const hasExample = tags.some((t) => t.name === "example") || /@example/.test(docs);
    const internal = tags.some((t) => t.name === "internal");
    if (!docs) missing.push(`${exp.name}: no doc comment`);
    else if (!hasExample && !internal) missing.push(`${exp.name}: no @example`);
  }
  return missing;
}

describe.each(PACKAGES)("@wfc/%s public API", (pkg) => {
  it("documents every export with a doc comment and an example", () => {
    expect(undocumented(pkg)).toEqual([]);
  });
});
