/**
 * # @wfc/client
 *
 * Runs Argo Workflows on a cluster: create, read, list, update, delete, watch
 * and read logs, through one interface, {@link WorkflowClient}, with two
 * implementations:
 *
 * - **Kubernetes mode** ({@link connectKubernetes}): the Kubernetes API with a
 *   kubeconfig (`KUBECONFIG`, `~/.kube/config`, or in-cluster), `context` and
 *   `namespace` like kubectl. Built on `@kubernetes/client-node`, loaded lazily.
 * - **Argo Server mode** ({@link connectArgoServer}): the Argo Server HTTP API
 *   with a bearer token, like `argo --argo-server`.
 *
 * {@link connect} picks the mode from its options or `ARGO_SERVER`.
 * Watches survive dropped connections ({@link resilientWatch}); every failure
 * is a {@link ClusterError} whose message is one line: what failed, the
 * Kubernetes reason, and what to do.
 *
 * @example
 * ```ts
 * import { connect, isCompleted } from "@wfc/client";
 *
 * const client = await connect({ namespace: "ci" });
 * const wf = await client.create(manifest);
 * for await (const w of client.watchWorkflow(wf.metadata!.name!)) {
 *   if (isCompleted(w.status?.phase)) break;
 * }
 * ```
 *
 * @packageDocumentation
 */
export { connect, type ConnectOptions } from "./connect.js";
export { connectKubernetes, type KubernetesConnectOptions } from "./kubernetes/client.js";
export { connectArgoServer, type ArgoServerConnectOptions } from "./argo-server/client.js";
export type {
  WorkflowClient,
  ConnectionMode,
  CreateOptions,
  ListOptions,
  LogsOptions,
  LogLine,
  WatchWorkflowOptions,
} from "./workflow-client.js";
export { ClusterError, type ClusterErrorCode, type ClusterErrorCause, type ClusterErrorOptions } from "./errors.js";
export { WfcError } from "./wfc-error.js";
export { redact } from "./error-mapping.js";
export {
  resilientWatch,
  type WatchEvent,
  type WatchSource,
  type ResilientWatchOptions,
} from "./resilient-watch.js";
export { applyManifest, APPLIED_HASH_ANNOTATION, type ApplyAction, type ApplyResult } from "./apply.js";
export { workflowFrom, type WorkflowFromResult } from "./submit-from.js";
export {
  resourceFor,
  parseKindName,
  ARGO_GROUP,
  ARGO_VERSION,
  type ArgoKind,
  type ArgoResource,
} from "./resources.js";
export { podName, podNameForNode } from "./pod-name.js";
export {
  isCompleted,
  type KubeObject,
  type ObjectMeta,
  type Workflow,
  type WorkflowStatus,
  type WorkflowPhase,
  type NodeStatus,
  type NodePhase,
} from "./types.js";
