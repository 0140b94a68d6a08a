// Extracts the @example blocks of package entries' exports (shared by the doc tests).
import ts from "typescript";

export interface DocExample {
  readonly name: string;
  readonly code: string;
}

/** One export of an entry with its doc text, tags and where it is declared. */
export interface DocExport {
  readonly name: string;
  readonly docs: string;
  readonly examples: string[];
  /** Marked `@internal`. */
  readonly internal: boolean;
  /** Declared in node_modules or in generated types (not ours to document). */
  readonly external: boolean;
}

const OPTIONS: ts.CompilerOptions = {
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2022,
  strict: true,
  skipLibCheck: true,
  // only declarations and their comments are read, nothing is type-checked: the standard library and
  // @types/node (4.5 MB of declarations) are not needed
  noLib: true,
  types: [],
};

/**
 * Every export of each of `entries` (absolute paths), keyed by entry. One TypeScript program reads
 * all of them: building it (parsing and binding the SDK's sources) is the expensive part, several
 * seconds of CPU, so it is not done once per entry.
 */
export function exportsOf(entries: readonly string[]): Map<string, DocExport[]> {
  const program = ts.createProgram([...entries], OPTIONS);
  const checker = program.getTypeChecker();
  const out = new Map<string, DocExport[]>();
  for (const entry of entries) {
    const source = program.getSourceFile(entry);
    const moduleSymbol = source && checker.getSymbolAtLocation(source);
    if (!moduleSymbol) throw new Error(`${entry}: not a module TypeScript can read`);
    out.set(
      entry,
      checker.getExportsOfModule(moduleSymbol).map((exp) => {
        const symbol = exp.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exp) : exp;
        const decls = symbol.getDeclarations() ?? [];
        const external = decls.some(
          (d) =>
            d.getSourceFile().fileName.includes("/node_modules/") ||
            d.getSourceFile().fileName.endsWith("types.gen.ts"),
        );
        const tags = symbol.getJsDocTags(checker);
        const docs = ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim();
        const examples = tags.filter((t) => t.name === "example").map((t) => ts.displayPartsToString(t.text));
        return { name: exp.name, docs, examples, internal: tags.some((t) => t.name === "internal"), external };
      }),
    );
  }
  return out;
}

/** The ```ts blocks of the user-facing exports' examples (`exports` from {@link exportsOf}). */
export function examplesOf(exports: readonly DocExport[]): DocExample[] {
  const out: DocExample[] = [];
  for (const e of exports) {
    if (e.internal || e.external) continue;
    e.examples.forEach((text, i) => {
      for (const m of text.matchAll(/```ts\n([\s\S]*?)```/g)) out.push({ name: `${e.name}#${i}`, code: m[1]! });
    });
  }
  return out;
}
