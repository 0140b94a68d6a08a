/** The TypeScript module being generated: the SDK names it imports and the names it has taken. */
import { Namer } from "./names.js";

/**
 * A WorkflowTemplate (or ClusterWorkflowTemplate) another generated module exports.
 *
 * @example
 * ```ts
 * const lib: SharedTemplate = { module: "./lib.js", exportName: "default" };
 * ```
 */
export interface SharedTemplate {
  /** The module, as imported (`./lib.js`). */
  readonly module: string;
  /** `default`, or the name of the export. */
  readonly exportName: string;
}

/** The generated module, and the SDK names it imports. */
export class Module {
  readonly imports = new Set<string>();
  readonly typeImports = new Set<string>();
  readonly names = new Namer();
  readonly decls: string[] = [];
  readonly varsUsed = new Set<true>();
  /** WorkflowTemplates defined in other generated modules, by `name` or `name/cluster`. */
  readonly sharedTemplates: ReadonlyMap<string, SharedTemplate>;
  /** Imports from other generated modules: module -> names (`default as x` for a default export). */
  readonly moduleImports = new Map<string, Set<string>>();
  /** The workflow objects this module exports, by `Kind/name`: `default` or the export's name. */
  readonly exported = new Map<string, string>();
  constructor(sharedTemplates: ReadonlyMap<string, SharedTemplate> = new Map()) {
    this.sharedTemplates = sharedTemplates;
  }
  use(name: string): string {
    this.imports.add(name);
    return name;
  }
}
