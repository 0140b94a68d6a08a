import { readFileSync } from "node:fs";
import { ARGO_API_VERSION, ARGO_KINDS, type ArgoKind, isArgoKind } from "../core/kinds.js";
import { PACKAGE_ROOT } from "../core/package-root.js";

export { ARGO_API_VERSION, ARGO_KINDS, type ArgoKind, isArgoKind };

/**
 * A node of a CRD's openAPIV3Schema (structural schema), as vendored in `schema/crd-*.json`.
 *
 * @example
 * ```ts
 * const s: CrdSchema = { type: "string", enum: ["Always", "Never"] };
 * ```
 */
export interface CrdSchema {
  type?: "object" | "array" | "string" | "integer" | "number" | "boolean";
  description?: string;
  properties?: Record<string, CrdSchema>;
  additionalProperties?: CrdSchema | boolean;
  items?: CrdSchema;
  required?: string[];
  enum?: unknown[];
  pattern?: string;
  format?: string;
  default?: unknown;
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean;
  exclusiveMaximum?: boolean;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minProperties?: number;
  maxProperties?: number;
  uniqueItems?: boolean;
  anyOf?: CrdSchema[];
  "x-kubernetes-int-or-string"?: boolean;
  "x-kubernetes-preserve-unknown-fields"?: boolean;
  "x-kubernetes-embedded-resource"?: boolean;
  "x-kubernetes-list-type"?: "atomic" | "set" | "map";
  "x-kubernetes-list-map-keys"?: string[];
  "x-kubernetes-map-type"?: "atomic" | "granular";
  "x-kubernetes-validations"?: CelRule[];
}

/**
 * A CEL validation rule of a CRD (`x-kubernetes-validations` entry).
 *
 * @example
 * ```ts
 * const r: CelRule = { rule: "!has(self.depends) || !has(self.dependencies)", message: "cannot use both 'depends' and 'dependencies'" };
 * ```
 */
export interface CelRule {
  rule: string;
  message?: string;
  messageExpression?: string;
  fieldPath?: string;
  reason?: string;
  optionalOldSelf?: boolean;
}

const FILES: Record<ArgoKind, string> = {
  Workflow: "crd-workflow.json",
  WorkflowTemplate: "crd-workflowtemplate.json",
  ClusterWorkflowTemplate: "crd-clusterworkflowtemplate.json",
  CronWorkflow: "crd-cronworkflow.json",
  WorkflowEventBinding: "crd-workfloweventbinding.json",
};
const cache = new Map<ArgoKind, CrdSchema>();

/**
 * Loads (once, on first use) the vendored openAPIV3Schema of an Argo kind's CRD from the package's
 * `schema/` folder.
 *
 * @example
 * ```ts
 * const s = loadCrdSchema("Workflow");
 * s.properties?.spec?.properties?.templates?.type; // "array"
 * ```
 */
export function loadCrdSchema(kind: ArgoKind): CrdSchema {
  let s = cache.get(kind);
  if (!s) {
    const url = new URL(`schema/${FILES[kind]}`, PACKAGE_ROOT);
    s = JSON.parse(readFileSync(url, "utf8")) as CrdSchema;
    cache.set(kind, s);
  }
  return s;
}
