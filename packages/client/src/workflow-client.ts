/**
 * The one interface both connection modes implement, so commands do not care
 * whether they talk to the Kubernetes API or to the Argo Server.
 */

import type { RawRequest } from "./raw-request.js";
import type { ResilientWatchOptions } from "./resilient-watch.js";
import type { ArgoKind } from "./resources.js";
import type { KubeObject, Workflow } from "./types.js";

/**
 * How the client reaches the cluster.
 *
 * @example
 * ```ts
 * if (client.mode === "argo-server") console.log("via", client.server);
 * ```
 */
export type ConnectionMode = "kubernetes" | "argo-server";

/**
 * Options for {@link WorkflowClient.create}.
 *
 * @example
 * ```ts
 * await client.create(manifest, { dryRun: "server" });
 * ```
 */
export interface CreateOptions extends WriteOptions {
  /** `"server"` asks the server to validate without persisting (`dryRun=All`). @default undefined */
  readonly dryRun?: "server";
}

/**
 * Options of every request that sends an object (create, update).
 *
 * @example
 * ```ts
 * await client.update(template, { fieldValidation: "Strict", onWarning: (w) => console.error(`Warning: ${w}`) });
 * ```
 */
export interface WriteOptions {
  /**
   * How the server treats unknown or duplicate fields (Kubernetes' `fieldValidation`): `Strict`
   * rejects the object, `Warn` drops them with a `Warning` header, `Ignore` drops them silently.
   * @default "Strict"
   */
  readonly fieldValidation?: "Strict" | "Warn" | "Ignore";
  /** Called with the text of each `Warning` header of the response. @default undefined (warnings dropped) */
  readonly onWarning?: (warning: string) => void;
}

/**
 * Options for {@link WorkflowClient.list}.
 *
 * @example
 * ```ts
 * await client.list("Workflow", { labelSelector: "team=data" });
 * ```
 */
export interface ListOptions {
  /** Kubernetes label selector, e.g. `app=ci,tier!=test`. @default undefined */
  readonly labelSelector?: string;
  /** Kubernetes field selector, e.g. `metadata.name=x`. @default undefined */
  readonly fieldSelector?: string;
  /** List across all namespaces. @default false */
  readonly allNamespaces?: boolean;
}

/**
 * Options for {@link WorkflowClient.watchWorkflow}.
 *
 * @example
 * ```ts
 * for await (const wf of client.watchWorkflow("etl-abc", { signal: AbortSignal.timeout(60_000) })) console.log(wf.status?.phase);
 * ```
 */
export type WatchWorkflowOptions = ResilientWatchOptions;

/**
 * Options for {@link WorkflowClient.logs}.
 *
 * @example
 * ```ts
 * for await (const line of client.logs("etl-abc", { follow: true, task: "load" })) console.log(line.text);
 * ```
 */
export interface LogsOptions {
  /** Keep streaming until the workflow completes. @default false */
  readonly follow?: boolean;
  /** Only the node (task or step) with this name or display name. @default undefined (all) */
  readonly task?: string;
  /** Container to read. @default "main" */
  readonly container?: string;
  /** Stops streaming. @default undefined */
  readonly signal?: AbortSignal;
  /** Only lines newer than this many seconds (Kubernetes' `sinceSeconds`). @default undefined (all) */
  readonly sinceSeconds?: number;
  /** Only the last this many lines of each pod (Kubernetes' `tailLines`). @default undefined (all) */
  readonly tailLines?: number;
  /** Prefix each line with its RFC 3339 timestamp, as the kubelet writes it (`timestamps`). @default false */
  readonly timestamps?: boolean;
}

/**
 * One line of a workflow's logs.
 *
 * @example
 * ```ts
 * for await (const l of client.logs("etl-abc")) console.log(`${l.nodeName}: ${l.text}`);
 * ```
 */
export interface LogLine {
  /** Pod the line came from. */
  readonly podName: string;
  /** Display name of the node that ran the pod (falls back to the pod name). */
  readonly nodeName: string;
  /** The text, without trailing newline. */
  readonly text: string;
}

/**
 * A connection to a cluster that runs Argo Workflows.
 *
 * @example
 * ```ts
 * const client = await connect({ namespace: "ci" });
 * const wf = await client.create(manifest);
 * for await (const w of client.watchWorkflow(wf.metadata!.name!)) console.log(w.status?.phase);
 * ```
 */
export interface WorkflowClient {
  /** Which transport this client uses. */
  readonly mode: ConnectionMode;
  /** Namespace used when a manifest does not name one. */
  readonly namespace: string;
  /** Server URL, for messages. */
  readonly server: string;
  /** Creates an object (`generateName` honoured); returns it as stored. */
  create<T extends KubeObject = KubeObject>(manifest: KubeObject, options?: CreateOptions): Promise<T>;
  /** Reads one object. Throws `ClusterError` `NotFound` when absent. */
  get<T extends KubeObject = KubeObject>(kind: ArgoKind, name: string, namespace?: string): Promise<T>;
  /** Lists objects of a kind. */
  list<T extends KubeObject = KubeObject>(kind: ArgoKind, options?: ListOptions): Promise<T[]>;
  /** Replaces an object; `manifest.metadata.resourceVersion` must be the current one. */
  update<T extends KubeObject = KubeObject>(manifest: KubeObject, options?: WriteOptions): Promise<T>;
  /** Deletes an object. Throws `ClusterError` `NotFound` when absent. */
  delete(kind: ArgoKind, name: string, namespace?: string): Promise<void>;
  /**
   * Yields the workflow each time it changes, starting with its current state,
   * surviving dropped connections. Ends when the signal aborts or the consumer stops.
   */
  watchWorkflow(name: string, options?: WatchWorkflowOptions): AsyncIterable<Workflow>;
  /** Streams the logs of a workflow's pods, prefixed with their node names. */
  logs(name: string, options?: LogsOptions): AsyncIterable<LogLine>;
  /**
   * Sends one request to the server this client talks to (a path of the Kubernetes API in
   * Kubernetes mode, of the Argo Server API in Argo Server mode) and returns the parsed JSON body;
   * a non-2xx answer or a transport failure is a one-line `ClusterError`.
   */
  raw<T = unknown>(req: RawRequest): Promise<T>;
}
