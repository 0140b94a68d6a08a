import type { ValidationIssue } from "./issues.js";
import { semanticIssues } from "./semantics.js";
import { validateManifest } from "./validate.js";

/**
 * Every problem of one Argo manifest, as `wfc lint` reports it: the CRD schema
 * ({@link validateManifest}) and then the checks the schema cannot express ({@link semanticIssues}).
 * `wfc lint`, `wfc run` and the local runner's preflight all use this one function, so they give
 * the same verdict. Returns `[]` when the manifest is fine.
 *
 * @example
 * ```ts
 * manifestIssues({
 *   apiVersion: "argoproj.io/v1alpha1", kind: "Workflow", metadata: { name: "w" },
 *   spec: { entrypoint: "main", templates: [] },
 * });
 * // [{ code: "E_NO_ENTRYPOINT", path: "spec.entrypoint", message: 'template "main" does not exist' }]
 * ```
 */
export function manifestIssues(manifest: unknown): ValidationIssue[] {
  return [...validateManifest(manifest), ...semanticIssues(manifest)];
}
