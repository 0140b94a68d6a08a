/**
 * The subset of Argo Workflows objects the client reads. Manifests are plain
 * JSON objects; these types name the fields wfc looks at and leave the rest open.
 */

/**
 * Kubernetes object metadata, as far as wfc uses it.
 *
 * @example
 * ```ts
 * const meta: ObjectMeta = { name: "nightly", namespace: "ci", labels: { team: "data" } };
 * ```
 */
export interface ObjectMeta {
  readonly name?: string;
  readonly generateName?: string;
  readonly namespace?: string;
  readonly uid?: string;
  readonly resourceVersion?: string;
  readonly creationTimestamp?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
  readonly [key: string]: unknown;
}

/**
 * Any Kubernetes object: `apiVersion`, `kind`, `metadata` and open content.
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
  readonly [key: string]: unknown;
}

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

/**
 * One entry of `status.nodes` of a Workflow.
 *
 * @example
 * ```ts
 * const node: NodeStatus = { id: "hello-1", name: "hello.a", displayName: "a", type: "Pod", phase: "Running" };
 * ```
 */
export interface NodeStatus {
  readonly id: string;
  readonly name: string;
  readonly displayName?: string;
  readonly type: string;
  readonly phase?: NodePhase;
  readonly templateName?: string;
  readonly templateRef?: { readonly name?: string; readonly template?: string };
  readonly boundaryID?: string;
  readonly children?: readonly string[];
  readonly startedAt?: string;
  readonly finishedAt?: string;
  readonly message?: string;
  /** Not set by Argo itself; wfc computes it with {@link podNameForNode} when absent. */
  readonly podName?: string;
  readonly [key: string]: unknown;
}

/**
 * `status` of a Workflow.
 *
 * @example
 * ```ts
 * const wf = await client.get("Workflow", "etl-abc"); console.log((wf.status as WorkflowStatus)?.phase);
 * ```
 */
export interface WorkflowStatus {
  readonly phase?: WorkflowPhase;
  readonly startedAt?: string;
  readonly finishedAt?: string;
  readonly message?: string;
  readonly progress?: string;
  readonly nodes?: Readonly<Record<string, NodeStatus>>;
  readonly [key: string]: unknown;
}

/**
 * An Argo `Workflow` object as read from the cluster.
 *
 * @example
 * ```ts
 * const wf: Workflow = await client.get("Workflow", "hello-x7k2p");
 * console.log(wf.status?.phase);
 * ```
 */
export interface Workflow extends KubeObject {
  readonly status?: WorkflowStatus;
}

/** True when a workflow phase is final. @example `isCompleted("Failed") // true` */
export function isCompleted(phase: WorkflowPhase | undefined): boolean {
  return phase === "Succeeded" || phase === "Failed" || phase === "Error";
}
