/**
 * The objects the client reads and writes. Argo objects are the types generated from Argo's schema
 * (`@wfc/sdk/argo`); {@link KubeObject} is what every Kubernetes object has in common.
 */
import type * as argo from "@wfc/sdk/argo";

/**
 * Kubernetes object metadata: the generated `ObjectMeta` of `@wfc/sdk/argo`.
 *
 * @example
 * ```ts
 * const meta: ObjectMeta = { name: "nightly", namespace: "ci", labels: { team: "data" } };
 * ```
 */
export type ObjectMeta = argo.ObjectMeta;

/**
 * Any Kubernetes object: `apiVersion`, `kind`, `metadata`, and a `spec` and `status` the client does
 * not look into.
 *
 * @example
 * ```ts
 * const obj: KubeObject = { apiVersion: "argoproj.io/v1alpha1", kind: "Workflow", metadata: { generateName: "x-" } };
 * ```
 */
export interface KubeObject {
  readonly apiVersion?: string;
  readonly kind?: string;
  readonly metadata?: ObjectMeta;
  readonly spec?: unknown;
  readonly status?: unknown;
}

/**
 * An Argo `Workflow` object as read from the cluster: the generated `Workflow` of `@wfc/sdk/argo`.
 *
 * @example
 * ```ts
 * const wf = await client.get<Workflow>("Workflow", "hello-x7k2p");
 * console.log(wf.status?.phase);
 * ```
 */
export type Workflow = argo.Workflow;

/**
 * `status` of a Workflow: the generated `WorkflowStatus` of `@wfc/sdk/argo`.
 *
 * @example
 * ```ts
 * const status: WorkflowStatus | undefined = (await client.get<Workflow>("Workflow", "etl-abc")).status;
 * ```
 */
export type WorkflowStatus = argo.WorkflowStatus;

/**
 * One entry of `status.nodes` of a Workflow: the generated `NodeStatus` of `@wfc/sdk/argo`.
 *
 * @example
 * ```ts
 * const node: NodeStatus = { id: "hello-1", name: "hello.a", displayName: "a", type: "Pod", phase: "Running" };
 * ```
 */
export type NodeStatus = argo.NodeStatus;

/**
 * Phase of a workflow (`status.phase`). Empty until the controller picks it up.
 *
 * @example
 * ```ts
 * const done = (p: WorkflowPhase | undefined) => p === "Succeeded" || p === "Failed" || p === "Error";
 * ```
 */
export type WorkflowPhase = "" | "Pending" | "Running" | "Succeeded" | "Failed" | "Error";

/**
 * Phase of one node of a workflow.
 *
 * @example
 * ```ts
 * const running = Object.values(status.nodes ?? {}).filter((n) => (n.phase as NodePhase) === "Running");
 * ```
 */
export type NodePhase = "Pending" | "Running" | "Succeeded" | "Skipped" | "Failed" | "Error" | "Omitted";

/** True when a workflow phase is final. @example `isCompleted("Failed") // true` */
export function isCompleted(phase: WorkflowPhase | (string & {}) | undefined): boolean {
  return phase === "Succeeded" || phase === "Failed" || phase === "Error";
}

/** `name`, else `generateName*`, for messages. @internal */
export function objectLabel(m: KubeObject): string {
  return m.metadata?.name ?? (m.metadata?.generateName ? `${m.metadata.generateName}*` : "<unnamed>");
}
