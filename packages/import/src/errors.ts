/** What `wfc import` reports: input it cannot turn into wfc TypeScript. */
import { WfcError } from "@wfc/sdk";

/**
 * A manifest `wfc import` cannot turn into wfc TypeScript: bad input, or a construct the SDK cannot
 * reproduce exactly. The message starts with where: `file: Kind/name: template "t", task "x"`, or
 * `file:line:col` for a field Argo would reject. `code` is `E_IMPORT_EMPTY` (no manifests),
 * `E_IMPORT_INVALID` (not a workflow kind, rejected by Argo's schema, a `depends` that does not
 * parse) or `E_IMPORT_UNSUPPORTED` (valid, but not reproducible exactly).
 *
 * @example
 * ```ts
 * import { ImportError, importManifests } from "@wfc/import";
 *
 * try {
 *   importManifests("kind: ConfigMap\n", "cm.yaml");
 * } catch (e) {
 *   if (e instanceof ImportError) console.error(e.code, e.message); // E_IMPORT_INVALID cm.yaml:1:1: kind "ConfigMap": ...
 * }
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

/** Throws the {@link ImportError} for a manifest Argo itself would reject (`E_IMPORT_INVALID`), `where` naming its place. */
export function invalid(where: string, what: string): never {
  throw new ImportError("E_IMPORT_INVALID", `${where}: ${what}`);
}
