/**
 * The Argo kinds wfc manages (the SDK's workflow kinds), and how they map to API paths.
 */
import { ARGO_API_VERSION, type WorkflowKind } from "@wfc/sdk/internal";
import { ClusterError } from "./errors.js";

/**
 * An Argo kind wfc can create, read and delete.
 *
 * @example
 * ```ts
 * await client.get("WorkflowTemplate" satisfies ArgoKind, "build");
 * ```
 */
export type ArgoKind = WorkflowKind;

/**
 * API group of every Argo kind.
 *
 * @example
 * ```ts
 * `${ARGO_GROUP}/${ARGO_VERSION}` // "argoproj.io/v1alpha1"
 * ```
 */
export const ARGO_GROUP = ARGO_API_VERSION.slice(0, ARGO_API_VERSION.indexOf("/"));

/**
 * API version of every Argo kind.
 *
 * @example
 * ```ts
 * `${ARGO_GROUP}/${ARGO_VERSION}` // "argoproj.io/v1alpha1"
 * ```
 */
export const ARGO_VERSION = ARGO_API_VERSION.slice(ARGO_API_VERSION.indexOf("/") + 1);

/**
 * How a kind is addressed on the Kubernetes API.
 *
 * @example
 * ```ts
 * const r = resourceFor("CronWorkflow"); // { plural: "cronworkflows", namespaced: true, ... }
 * ```
 */
export interface ArgoResource {
  readonly kind: ArgoKind;
  /** Plural resource name, e.g. `workflows`. */
  readonly plural: string;
  /** False for `ClusterWorkflowTemplate`. */
  readonly namespaced: boolean;
  /** Short names accepted on the command line, e.g. `wf`, `wftmpl`. */
  readonly aliases: readonly string[];
}

/** One entry per kind: a kind the SDK adds does not compile until it is addressed here. */
const BY_KIND: { readonly [K in ArgoKind]: Omit<ArgoResource, "kind"> } = {
  Workflow: { plural: "workflows", namespaced: true, aliases: ["workflow", "wf"] },
  WorkflowTemplate: { plural: "workflowtemplates", namespaced: true, aliases: ["workflowtemplate", "wftmpl"] },
  ClusterWorkflowTemplate: {
    plural: "clusterworkflowtemplates",
    namespaced: false,
    aliases: ["clusterworkflowtemplate", "cwftmpl"],
  },
  CronWorkflow: { plural: "cronworkflows", namespaced: true, aliases: ["cronworkflow", "cronwf", "cwf"] },
};
const RESOURCES: readonly ArgoResource[] = (Object.keys(BY_KIND) as ArgoKind[]).map((kind) => ({
  kind,
  ...BY_KIND[kind],
}));

/**
 * Looks up a kind by its name, plural or short name (case-insensitive).
 *
 * @example
 * ```ts
 * resourceFor("wftmpl").plural // "workflowtemplates"
 * ```
 */
export function resourceFor(kindOrAlias: string): ArgoResource {
  const k = kindOrAlias.toLowerCase();
  const r = RESOURCES.find((x) => x.kind.toLowerCase() === k || x.plural === k || x.aliases.includes(k));
  if (!r) {
    throw new ClusterError(
      "BadRequest",
      `unknown kind "${kindOrAlias}": expected one of ${RESOURCES.map((x) => x.kind).join(", ")}`,
    );
  }
  return r;
}

/**
 * Parses `kind/name` as written after `--from`, e.g. `workflowtemplate/build`.
 *
 * @example
 * ```ts
 * parseKindName("cronworkflow/nightly") // { resource: { kind: "CronWorkflow", ... }, name: "nightly" }
 * ```
 */
export function parseKindName(ref: string): { readonly resource: ArgoResource; readonly name: string } {
  const slash = ref.indexOf("/");
  if (slash <= 0 || slash === ref.length - 1) {
    throw new ClusterError("BadRequest", `"${ref}" is not KIND/NAME (e.g. workflowtemplate/my-template)`);
  }
  return { resource: resourceFor(ref.slice(0, slash)), name: ref.slice(slash + 1) };
}
