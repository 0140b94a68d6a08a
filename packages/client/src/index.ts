/**
 * # @wfc/client
 *
 * Runs Argo Workflows on a cluster: create, read, list, update, delete, watch
 * and read logs, through one interface, {@link WorkflowClient}, with two
 * implementations:
 *
 * - **Kubernetes mode** ({@link connectKubernetes}): the Kubernetes API with a
 *   kubeconfig (`KUBECONFIG`, `~/.kube/config`, or in-cluster), `context` and
 *   `namespace` like kubectl, over Node's own `http`/`https` (no Kubernetes client library: a cluster
 *   command loads only what it uses).
 * - **Argo Server mode** ({@link connectArgoServer}): the Argo Server HTTP API
 *   with a bearer token, like `argo --argo-server`.
 *
 * {@link connect} picks the mode from its options or `ARGO_SERVER`.
 * Watches survive dropped and stalled connections ({@link resilientWatch});
 * every answer is checked for the shape the request expects; every failure
 * is a {@link ClusterError} whose message is one line: what failed, the
 * Kubernetes reason, and what to do, with credentials redacted ({@link redact}).
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

export { APPLIED_HASH_ANNOTATION, type ApplyAction, type ApplyResult, applyManifest } from "./apply.js";
export { type ArgoServerConnectOptions, connectArgoServer } from "./argo-server/client.js";
export { type ConnectOptions, connect } from "./connect.js";
export { ClusterError, type ClusterErrorCause, type ClusterErrorCode, type ClusterErrorOptions } from "./errors.js";
export { connectKubernetes, type KubernetesConnectOptions } from "./kubernetes/client.js";
export {
  type AppliedObject,
  applyAll,
  applyOrder,
  DryRunRefusedError,
  PartialApplyError,
} from "./operations/apply-all.js";
export {
  createEventsObject,
  deleteEventsObject,
  EVENTS_RESOURCES,
  type EventsKind,
  eventsKindFor,
  getEventsObject,
  listEventsObjects,
  updateEventsObject,
} from "./operations/events-resources.js";
export {
  FieldSelectorError,
  type FieldTerm,
  matchesFields,
  nodeMatches,
  parseFieldSelector,
} from "./operations/field-selector.js";
export { nodeId, podOfNode } from "./operations/node-ids.js";
export { overrideParameters } from "./operations/parameters.js";
export { formulateResubmit, RESUBMITTED_FROM, type ResubmitOptions } from "./operations/resubmit.js";
export { formulateRetry, type RetryOptions, type RetryPlan, WorkflowActionError } from "./operations/retry.js";
export { type ServerVersion, serverVersion } from "./operations/server-version.js";
export {
  type ResumeOptions,
  type RetryResult,
  resubmitWorkflow,
  resumeWorkflow,
  retryWorkflow,
  type StopOptions,
  setCronSuspended,
  stopWorkflow,
  suspendWorkflow,
  terminateWorkflow,
} from "./operations/workflow-actions.js";
export { podName, podNameForNode } from "./pod-name.js";
export type { RawRequest } from "./raw-request.js";
export { redact, safeUrl } from "./redact.js";
export {
  type ResilientWatchOptions,
  resilientWatch,
  type WatchEvent,
  type WatchSource,
} from "./resilient-watch.js";
export {
  ARGO_GROUP,
  ARGO_VERSION,
  type ArgoKind,
  type ArgoResource,
  parseKindName,
  resourceFor,
} from "./resources.js";
export type { Expectation } from "./response-shape.js";
export { type WorkflowFromResult, workflowFrom } from "./submit-from.js";
export {
  isCompleted,
  type KubeObject,
  type NodePhase,
  type NodeStatus,
  type ObjectMeta,
  type Workflow,
  type WorkflowPhase,
  type WorkflowStatus,
} from "./types.js";
export { parseWarnings } from "./warnings.js";
export { WfcError } from "./wfc-error.js";
export type {
  ConnectionMode,
  CreateOptions,
  ListOptions,
  LogLine,
  LogsOptions,
  WatchWorkflowOptions,
  WorkflowClient,
  WriteOptions,
} from "./workflow-client.js";
