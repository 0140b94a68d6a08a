/** What `wfc import` reports: input it cannot turn into wfc TypeScript. */
import { WfcError } from "@wfc/sdk";

/**
 * A manifest `wfc import` cannot turn into wfc TypeScript: bad input, or a construct the SDK cannot
 * reproduce exactly. `where` names the document, template and task.
 *
 * @example
 * ```ts
 * try { importManifests(text, "wf.yaml"); } catch (e) { if (e instanceof ImportError) console.error(e.message); }
 * ```
 */
export class ImportError extends WfcError {
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = "ImportError";
  }
}

/** Throws the {@link ImportError} for a construct the import cannot reproduce, `where` naming its place. */
export function unsupported(where: string, what: string): never {
  throw new ImportError("E_IMPORT_UNSUPPORTED", `${where}: ${what}`);
}
