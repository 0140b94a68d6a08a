// Extracts the @example blocks of a package entry's exports (shared by the doc tests).
import ts from "typescript";

export interface DocExample {
  readonly name: string;
  readonly code: string;
}

const OPTIONS: ts.CompilerOptions = {
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2022,
  strict: true,
  skipLibCheck: true,
};

/** Every export of `entry` with its doc text, tags and whether it is marked `@internal`. */
export function exportsOf(
  entry: string,
): { name: string; docs: string; examples: string[]; internal: boolean; external: boolean }[] {
  const program = ts.createProgram([entry], OPTIONS);
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry)!;
  const moduleSymbol = checker.getSymbolAtLocation(source)!;
  return checker.getExportsOfModule(moduleSymbol).map((exp) => {
    const symbol = exp.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exp) : exp;
    const decls = symbol.getDeclarations() ?? [];
    const external = decls.some(
      (d) =>
        d.getSourceFile().fileName.includes("/node_modules/") || d.getSourceFile().fileName.endsWith("types.gen.ts"),
    );
    const tags = symbol.getJsDocTags(checker);
    const docs = ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim();
    const examples = tags.filter((t) => t.name === "example").map((t) => ts.displayPartsToString(t.text));
    return { name: exp.name, docs, examples, internal: tags.some((t) => t.name === "internal"), external };
  });
}

/** The ```ts blocks of the user-facing exports' examples. */
export function examplesOf(entry: string): DocExample[] {
  const out: DocExample[] = [];
  for (const e of exportsOf(entry)) {
    if (e.internal || e.external) continue;
    e.examples.forEach((text, i) => {
      for (const m of text.matchAll(/```ts\n([\s\S]*?)```/g)) out.push({ name: `${e.name}#${i}`, code: m[1]! });
    });
  }
  return out;
}
