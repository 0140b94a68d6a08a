export { isDns1123Subdomain } from "../core/names.js";
export type { ArgoKind, CelRule, CrdSchema } from "./crd-schemas.js";
export { ARGO_API_VERSION, ARGO_KINDS, isArgoKind, loadCrdSchema } from "./crd-schemas.js";
export type { ValidationIssue } from "./issues.js";
export { ManifestValidationError } from "./issues.js";
export { manifestIssues } from "./manifest-issues.js";
export { qualifiedNameProblems, validateObjectMeta } from "./object-meta.js";
export { semanticIssues } from "./semantics.js";
export { assertValidManifests, validateManifest, validateManifests } from "./validate.js";
