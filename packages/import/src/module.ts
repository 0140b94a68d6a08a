/** The TypeScript module being generated: the SDK names it imports and the names it has taken. */
import { Namer } from "./names.js";

/** The generated module, and the SDK names it imports. */
export class Module {
  readonly imports = new Set<string>();
  readonly typeImports = new Set<string>();
  readonly names = new Namer();
  readonly decls: string[] = [];
  readonly varsUsed = new Set<true>();
  use(name: string): string {
    this.imports.add(name);
    return name;
  }
}
