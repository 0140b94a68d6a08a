/**
 * One problem found in a manifest: where (a field path as Kubernetes prints it, e.g.
 * `spec.templates[2].container.comand`; map keys in brackets, e.g. `metadata.labels[app]`) and what.
 *
 * @example
 * ```ts
 * const issue: ValidationIssue = { path: "spec.templates[0].container.comand", message: "unknown field" };
 * ```
 */
export interface ValidationIssue {
  /** Field path from the manifest root; `""` for the manifest itself. */
  path: string;
  /** What is wrong, e.g. `unknown field`, `required field missing`, `must be one of: Always, OnFailure`. */
  message: string;
  /** A stable code for the semantic checks (`E_CYCLE`, `E_UNKNOWN_TASK`, `E_DEPENDS_SYNTAX`, ...); schema issues have none. */
  code?: string;
}

/**
 * Thrown by {@link assertValidManifests} when manifests do not validate; carries every issue.
 *
 * @example
 * ```ts
 * import { assertValidManifests, ManifestValidationError } from "@wfc/sdk/validate";
 * try { assertValidManifests(docs); }
 * catch (e) { if (e instanceof ManifestValidationError) for (const i of e.issues) console.error(i.path, i.message); }
 * ```
 */
export class ManifestValidationError extends Error {
  /** The issues, each path prefixed with the document (`Workflow/hello: `) when there are several documents. */
  readonly issues: ValidationIssue[];

  constructor(issues: ValidationIssue[]) {
    const shown = issues.slice(0, 20).map((i) => `  ${i.path || "<root>"}: ${i.message}`);
    if (issues.length > 20) shown.push(`  ... and ${issues.length - 20} more`);
    super(`manifest validation failed with ${issues.length} issue(s):\n${shown.join("\n")}`);
    this.name = "ManifestValidationError";
    this.issues = issues;
  }
}
