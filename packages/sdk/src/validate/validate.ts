import type { ArgoVersion } from "../core/argo-version.js";
import { ARGO_API_VERSION, ARGO_KINDS, isArgoKind, loadCrdSchema } from "./crd-schemas.js";
import type { ValidationIssue } from "./issues.js";
import { ManifestValidationError } from "./issues.js";
import { validateObjectMeta } from "./object-meta.js";
import type { WalkState } from "./structural.js";
import { walkSchema } from "./structural.js";

/**
 * Options of {@link validateManifest}.
 *
 * @example
 * ```ts
 * validateManifest(compile(wf, { argoVersion: "3.6" }), { argoVersion: "3.6" }); // [] when valid
 * ```
 */
export interface ValidateOptions {
  /**
   * The Argo version whose CRD schemas to validate against (wfc vendors 3.5, 3.6, 3.7, 4.0 and 4.1).
   * @default "4.1"
   */
  readonly argoVersion?: ArgoVersion;
}

/**
 * Validates one Argo manifest the way `kubectl apply --validate=strict` and the API server do with Argo's
 * full CRDs installed: `apiVersion`/`kind`, `metadata` (name, generateName, namespace, labels, annotations),
 * and the CRD's structural schema with unknown fields rejected, types, int-or-string, enums, patterns,
 * bounds, sizes, required fields and the CEL rules. Returns `[]` when valid. The CRD schema (Argo 4.1's,
 * or `options.argoVersion`'s) is loaded on first use.
 *
 * @example
 * ```ts
 * validateManifest({
 *   apiVersion: "argoproj.io/v1alpha1", kind: "Workflow",
 *   metadata: { generateName: "hello-" },
 *   spec: { entrypoint: "main", templates: [{ name: "main", container: { image: "alpine", comand: ["echo"] } }] },
 * });
 * // [{ path: "spec.templates[0].container.comand", message: "unknown field" }]
 * ```
 */
export function validateManifest(obj: unknown, options: ValidateOptions = {}): ValidationIssue[] {
  if (typeof obj !== "object" || obj === null || Array.isArray(obj)) {
    return [{ path: "", message: "must be an object (a Kubernetes manifest)" }];
  }
  const m = obj as Record<string, unknown>;
  const issues: ValidationIssue[] = [];
  if (m.apiVersion !== ARGO_API_VERSION) {
    issues.push({
      path: "apiVersion",
      message: m.apiVersion === undefined ? "required field missing" : `must be ${ARGO_API_VERSION}`,
    });
  }
  if (!isArgoKind(m.kind)) {
    issues.push({
      path: "kind",
      message: m.kind === undefined ? "required field missing" : `must be one of: ${ARGO_KINDS.join(", ")}`,
    });
    return issues;
  }
  issues.push(...validateObjectMeta(m.metadata, m.kind !== "ClusterWorkflowTemplate"));
  const schema = loadCrdSchema(m.kind, options.argoVersion);
  // metadata is `type: object` in the CRD and checked above as ObjectMeta.
  const { metadata: _metadata, ...rest } = m;
  const st: WalkState = { issues, celErrors: [] };
  walkSchema({ ...schema, required: (schema.required ?? []).filter((r) => r !== "metadata") }, rest, "", st);
  if (st.issues.length === 0) issues.push(...st.celErrors);
  return issues;
}

/**
 * Validates several manifests (e.g. all documents of a YAML file); each issue path is prefixed with the
 * document, `Kind/name: ` (or `#index: ` when it has no name).
 *
 * @example
 * ```ts
 * validateManifests(parseK8sYaml(text)); // [] when every document is valid
 * ```
 */
export function validateManifests(docs: readonly unknown[], options: ValidateOptions = {}): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  docs.forEach((d, i) => {
    const label = docLabel(d, i);
    for (const issue of validateManifest(d, options))
      out.push({ path: `${label}: ${issue.path}`, message: issue.message });
  });
  return out;
}

/**
 * Like {@link validateManifests} but throws a {@link ManifestValidationError} carrying every issue.
 *
 * @example
 * ```ts
 * assertValidManifests([workflow]); // throws when invalid
 * ```
 */
export function assertValidManifests(docs: readonly unknown[], options: ValidateOptions = {}): void {
  const issues = validateManifests(docs, options);
  if (issues.length) throw new ManifestValidationError(issues);
}

function docLabel(d: unknown, i: number): string {
  if (typeof d === "object" && d !== null) {
    const o = d as { kind?: unknown; metadata?: { name?: unknown; generateName?: unknown } };
    const name = o.metadata?.name ?? o.metadata?.generateName;
    if (typeof o.kind === "string" && typeof name === "string") return `${o.kind}/${name}`;
  }
  return `#${i}`;
}
