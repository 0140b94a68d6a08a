export { validateManifest, validateManifests, assertValidManifests } from "./validate.js";
export { ManifestValidationError } from "./issues.js";
export { semanticIssues } from "./semantics.js";
export type { ValidationIssue } from "./issues.js";
export { ARGO_API_VERSION, ARGO_KINDS, isArgoKind, loadCrdSchema } from "./crd-schemas.js";
export type { ArgoKind, CrdSchema, CelRule } from "./crd-schemas.js";
export { qualifiedNameProblems, validateObjectMeta } from "./object-meta.js";
export { isDns1123Subdomain } from "../core/names.js";
