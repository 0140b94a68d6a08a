import { readFileSync } from "node:fs";
import { type ArgoVersion, DEFAULT_ARGO_VERSION } from "../core/argo-version.js";
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
const older = new Map<ArgoVersion, Record<string, CrdSchema>>();

/**
 * Loads (once, on first use) the vendored openAPIV3Schema of an Argo kind's CRD from the package's
 * `schema/` folder: Argo 4.1's by default, else the target version's (`schema/argo-<ver>/crds.json`,
 * the same schemas without descriptions, repeated subtrees stored once; see schema/NOTICE.md).
 *
 * @example
 * ```ts
 * const s = loadCrdSchema("Workflow");
 * s.properties?.spec?.properties?.templates?.type; // "array"
 * loadCrdSchema("CronWorkflow", "3.5").properties?.spec?.properties?.schedules; // undefined
 * ```
 */
export function loadCrdSchema(kind: ArgoKind, version: ArgoVersion = DEFAULT_ARGO_VERSION): CrdSchema {
  if (version !== DEFAULT_ARGO_VERSION) {
    let kinds = older.get(version);
    if (!kinds) {
      kinds = unpack(JSON.parse(readFileSync(new URL(`schema/argo-${version}/crds.json`, PACKAGE_ROOT), "utf8")));
      older.set(version, kinds);
    }
    const s = kinds[kind];
    if (!s) throw new Error(`schema/argo-${version}/crds.json has no ${kind} schema`);
    return s;
  }
  let s = cache.get(kind);
  if (!s) {
    const url = new URL(`schema/${FILES[kind]}`, PACKAGE_ROOT);
    s = JSON.parse(readFileSync(url, "utf8")) as CrdSchema;
    cache.set(kind, s);
  }
  return s;
}

/** A packed `crds.json` (scripts/lib/schema-pack.mjs): `{"$shared": i}` stands for `shared[i]`. */
interface Packed {
  readonly shared: unknown[];
  readonly kinds: Record<string, unknown>;
}

/** Unpacks a packed schema file, each shared subtree one object used at every occurrence. */
function unpack(packed: Packed): Record<string, CrdSchema> {
  const done = new Map<number, unknown>();
  const hydrate = (node: unknown): unknown => {
    if (node === null || typeof node !== "object") return node;
    if (Array.isArray(node)) return node.map(hydrate);
    const o = node as Record<string, unknown>;
    const ref = o.$shared;
    if (typeof ref === "number" && Object.keys(o).length === 1) {
      let v = done.get(ref);
      if (v === undefined) {
        v = hydrate(packed.shared[ref]);
        done.set(ref, v);
      }
      return v;
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o)) out[k] = hydrate(v);
    return out;
  };
  const out: Record<string, CrdSchema> = {};
  for (const [k, v] of Object.entries(packed.kinds)) out[k] = hydrate(v) as CrdSchema;
  return out;
}
