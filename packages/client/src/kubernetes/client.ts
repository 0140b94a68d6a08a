/**
 * Kubernetes mode: talks to the Kubernetes API server with the credentials of a kubeconfig
 * (`KUBECONFIG`, `~/.kube/config`, or the in-cluster service account). Create, get, list, update and
 * delete go through `@kubernetes/client-node`; watches, pod lists and logs are requests of the client's
 * own ({@link streamLines}), sent with the kubeconfig's agent and headers.
 */
import type * as k8s from "@kubernetes/client-node";
import { type ErrorContext, httpError, transportError } from "../error-mapping.js";
import { type HttpTarget, request } from "../http-request.js";
import { streamLines } from "../line-stream.js";
import { type Connection, errorContext, inNamespace, listContext, objectContext } from "../operation.js";
import type { RawRequest } from "../raw-request.js";
import type { WatchSource } from "../resilient-watch.js";
import { ARGO_GROUP, ARGO_VERSION, type ArgoKind, type ArgoResource, resourceFor } from "../resources.js";
import { type KubeObject, objectLabel, type Workflow } from "../types.js";
import { parseWarnings } from "../warnings.js";
import type {
  CreateOptions,
  ListOptions,
  LogLine,
  LogsOptions,
  WatchWorkflowOptions,
  WorkflowClient,
  WriteOptions,
} from "../workflow-client.js";
import { workflowUpdates } from "../workflow-updates.js";
import { kubeconfigTarget, loadKubeConfig } from "./kubeconfig.js";
import { type KubePod, type PodLogSource, podLogs } from "./pod-logs.js";
import { consumeWatch } from "./watch-stream.js";

/**
 * Options for {@link connectKubernetes}.
 *
 * @example
 * ```ts
 * await connectKubernetes({ kubeconfig: "~/.kube/config", context: "prod", namespace: "data" });
 * ```
 */
export interface KubernetesConnectOptions {
  /** Path of a kubeconfig file. @default `KUBECONFIG`, then `~/.kube/config`, then the in-cluster service account */
  readonly kubeconfig?: string;
  /** Context to use. @default the kubeconfig's current context */
  readonly context?: string;
  /** Namespace. @default the context's namespace, else `default` */
  readonly namespace?: string;
  /** Timeout of each (non-streaming) request in milliseconds; 0 disables it. @default 30000 */
  readonly requestTimeoutMs?: number;
}

/**
 * Connects to the Kubernetes API with a kubeconfig. Nothing is sent until the first call.
 * `@kubernetes/client-node` is loaded only here, so commands that never reach a cluster do not pay for it.
 *
 * @example
 * ```ts
 * const client = await connectKubernetes({ context: "kind-dev", namespace: "argo" });
 * const wfs = await client.list("Workflow", { labelSelector: "app=ci" });
 * ```
 */
export async function connectKubernetes(options: KubernetesConnectOptions = {}): Promise<WorkflowClient> {
  const mod = await import("@kubernetes/client-node");
  const kc = loadKubeConfig(mod, options);
  const namespace = options.namespace ?? kc.getContextObject(kc.getCurrentContext())?.namespace ?? "default";
  return new KubernetesWorkflowClient(mod, kc, namespace, options.requestTimeoutMs ?? 30_000);
}

interface ApiExceptionLike {
  readonly code: number;
  readonly body: unknown;
}

function isApiException(err: unknown): err is ApiExceptionLike {
  return !!err && typeof err === "object" && typeof (err as { code?: unknown }).code === "number" && "body" in err;
}

type Page = { readonly items?: KubeObject[]; readonly metadata?: { readonly resourceVersion?: string } };

class KubernetesWorkflowClient implements WorkflowClient, PodLogSource {
  readonly mode = "kubernetes" as const;
  readonly server: string;
  private readonly conn: Connection;
  private readonly custom: k8s.CustomObjectsApi;

  constructor(
    private readonly mod: typeof k8s,
    private readonly kc: k8s.KubeConfig,
    readonly namespace: string,
    private readonly timeoutMs: number,
  ) {
    this.server = kc.getCurrentCluster()?.server ?? "<no server>";
    this.conn = { server: this.server, credentials: `context "${kc.getCurrentContext()}"` };
    this.custom = kc.makeApiClient(mod.CustomObjectsApi);
  }

  private callOptions(onWarning?: (warning: string) => void): k8s.ConfigurationOptions | undefined {
    const ms = this.timeoutMs;
    if (!ms && !onWarning) return undefined;
    const { Observable } = this.mod;
    return {
      middleware: [
        {
          pre: (req) => {
            if (ms) req.setSignal(AbortSignal.timeout(ms));
            return new Observable(Promise.resolve(req));
          },
          post: (res) => {
            const header = res.headers.warning ?? res.headers.Warning;
            if (onWarning && header) for (const w of parseWarnings(header)) onWarning(w);
            return new Observable(Promise.resolve(res));
          },
        },
      ],
      middlewareMergeStrategy: "append",
    };
  }

  /** Calls client-node, turning its failures into ClusterErrors. */
  private async call<T>(
    ctx: ErrorContext,
    fn: (opts: k8s.ConfigurationOptions | undefined) => Promise<unknown>,
    onWarning?: (warning: string) => void,
  ): Promise<T> {
    const started = Date.now();
    try {
      return (await fn(this.callOptions(onWarning))) as T;
    } catch (err) {
      if (isApiException(err) && err.code > 0) throw httpError(err.code, err.body, ctx);
      if (
        this.timeoutMs &&
        err instanceof Error &&
        err.name === "AbortError" &&
        Date.now() - started >= this.timeoutMs - 50
      ) {
        const ms = this.timeoutMs;
        const timeout = Object.assign(new Error(`no response within ${ms < 1000 ? `${ms}ms` : `${ms / 1000}s`}`), {
          code: "ETIMEDOUT",
        });
        throw transportError(timeout, ctx);
      }
      throw transportError(err, ctx);
    }
  }

  /** Group, version, plural and namespace of a request about `res` (cluster-scoped calls ignore the namespace). */
  private address(res: ArgoResource, namespace: string) {
    return { group: ARGO_GROUP, version: ARGO_VERSION, plural: res.plural, namespace };
  }

  async create<T extends KubeObject = KubeObject>(manifest: KubeObject, options: CreateOptions = {}): Promise<T> {
    const res = resourceFor(String(manifest.kind ?? "Workflow"));
    const ns = manifest.metadata?.namespace ?? this.namespace;
    const body = inNamespace(res, manifest, ns);
    const dryRun = options.dryRun === "server" ? "All" : undefined;
    const ctx = objectContext(this.conn, dryRun ? "validate" : "create", res, objectLabel(manifest), ns);
    const at = { ...this.address(res, ns), body, dryRun, fieldValidation: options.fieldValidation ?? "Strict" };
    return this.call(
      ctx,
      (o) =>
        res.namespaced ? this.custom.createNamespacedCustomObject(at, o) : this.custom.createClusterCustomObject(at, o),
      options.onWarning,
    );
  }

  async get<T extends KubeObject = KubeObject>(kind: ArgoKind, name: string, namespace?: string): Promise<T> {
    const res = resourceFor(kind);
    const ns = namespace ?? this.namespace;
    const at = { ...this.address(res, ns), name };
    return this.call(objectContext(this.conn, "get", res, name, ns), (o) =>
      res.namespaced ? this.custom.getNamespacedCustomObject(at, o) : this.custom.getClusterCustomObject(at, o),
    );
  }

  private async listPage(res: ArgoResource, options: ListOptions): Promise<Page> {
    const all = options.allNamespaces || !res.namespaced;
    const at = {
      ...this.address(res, this.namespace),
      ...(options.labelSelector ? { labelSelector: options.labelSelector } : {}),
      ...(options.fieldSelector ? { fieldSelector: options.fieldSelector } : {}),
    };
    return this.call(listContext(this.conn, res, all ? undefined : this.namespace), (o) =>
      all ? this.custom.listClusterCustomObject(at, o) : this.custom.listNamespacedCustomObject(at, o),
    );
  }

  async list<T extends KubeObject = KubeObject>(kind: ArgoKind, options: ListOptions = {}): Promise<T[]> {
    return ((await this.listPage(resourceFor(kind), options)).items ?? []) as T[];
  }

  async update<T extends KubeObject = KubeObject>(manifest: KubeObject, options: WriteOptions = {}): Promise<T> {
    const res = resourceFor(String(manifest.kind));
    const name = manifest.metadata?.name ?? "";
    const ns = manifest.metadata?.namespace ?? this.namespace;
    const at = {
      ...this.address(res, ns),
      name,
      body: inNamespace(res, manifest, ns),
      fieldValidation: options.fieldValidation ?? "Strict",
    };
    return this.call(
      objectContext(this.conn, "update", res, name, ns),
      (o) =>
        res.namespaced
          ? this.custom.replaceNamespacedCustomObject(at, o)
          : this.custom.replaceClusterCustomObject(at, o),
      options.onWarning,
    );
  }

  async delete(kind: ArgoKind, name: string, namespace?: string): Promise<void> {
    const res = resourceFor(kind);
    const ns = namespace ?? this.namespace;
    const at = { ...this.address(res, ns), name, propagationPolicy: "Background" };
    await this.call(objectContext(this.conn, "delete", res, name, ns), (o) =>
      res.namespaced ? this.custom.deleteNamespacedCustomObject(at, o) : this.custom.deleteClusterCustomObject(at, o),
    );
  }

  private target(): Promise<HttpTarget> {
    return kubeconfigTarget(this.kc, this.server);
  }

  watchWorkflow(name: string, options: WatchWorkflowOptions = {}): AsyncIterable<Workflow> {
    const ns = this.namespace;
    const base = `/apis/${ARGO_GROUP}/${ARGO_VERSION}/namespaces/${encodeURIComponent(ns)}/workflows`;
    const fieldSelector = `metadata.name=${name}`;
    const ctx = errorContext(
      this.conn,
      `watching Workflow "${name}" in namespace "${ns}"`,
      `watch workflows.${ARGO_GROUP}`,
      ns,
    );
    const source: WatchSource<Workflow> = {
      list: async () => {
        const out = await this.listPage(resourceFor("Workflow"), { fieldSelector });
        return { items: (out.items ?? []) as Workflow[], resourceVersion: out.metadata?.resourceVersion ?? "0" };
      },
      watch: async (rv, signal, onEvent) => {
        const q = new URLSearchParams({
          watch: "true",
          fieldSelector,
          resourceVersion: rv,
          allowWatchBookmarks: "true",
        });
        await consumeWatch(
          await this.target(),
          `${base}?${q}`,
          { ctx, signal, connectTimeoutMs: this.timeoutMs },
          onEvent,
        );
      },
    };
    return workflowUpdates(name, source, options, ctx);
  }

  logs(name: string, options: LogsOptions = {}): AsyncIterable<LogLine> {
    return podLogs(this, name, options);
  }

  async raw<T = unknown>(req: RawRequest): Promise<T> {
    const ctx = errorContext(this.conn, req.action, req.permission, req.namespace);
    let res: Awaited<ReturnType<typeof request>>;
    try {
      res = await request(await this.target(), req.path, {
        method: req.method,
        body: req.body,
        ...(req.contentType ? { contentType: req.contentType } : {}),
        timeoutMs: this.timeoutMs,
      });
    } catch (err) {
      throw transportError(err, ctx);
    }
    if (req.onWarning && res.warning) for (const w of parseWarnings(res.warning)) req.onWarning(w);
    if (res.status < 200 || res.status > 299) throw httpError(res.status, res.body, ctx);
    return res.body as T;
  }

  /** @internal */
  getWorkflow(name: string): Promise<Workflow> {
    return this.get<Workflow>("Workflow", name);
  }

  /** @internal lists the pods of a workflow. */
  async workflowPods(name: string): Promise<KubePod[]> {
    const ns = this.namespace;
    const q = new URLSearchParams({ labelSelector: `workflows.argoproj.io/workflow=${name}` });
    const ctx = errorContext(this.conn, `listing the pods of Workflow "${name}" in namespace "${ns}"`, "list pods", ns);
    let res: Awaited<ReturnType<typeof request>>;
    try {
      res = await request(await this.target(), `/api/v1/namespaces/${encodeURIComponent(ns)}/pods?${q}`, {
        timeoutMs: this.timeoutMs,
      });
    } catch (err) {
      throw transportError(err, ctx);
    }
    if (res.status !== 200) throw httpError(res.status, res.body, ctx);
    return (res.body as { items?: KubePod[] }).items ?? [];
  }

  /** @internal streams one pod's log. */
  async *podLog(
    pod: string,
    container: string,
    follow: boolean,
    signal: AbortSignal,
    window: Pick<LogsOptions, "sinceSeconds" | "tailLines" | "timestamps"> = {},
  ): AsyncGenerator<string> {
    const ns = this.namespace;
    const q = new URLSearchParams({ container, follow: String(follow) });
    if (window.sinceSeconds !== undefined) q.set("sinceSeconds", String(window.sinceSeconds));
    if (window.tailLines !== undefined) q.set("tailLines", String(window.tailLines));
    if (window.timestamps) q.set("timestamps", "true");
    const ctx = errorContext(this.conn, `reading the logs of pod "${pod}" in namespace "${ns}"`, "get pods/log", ns);
    const path = `/api/v1/namespaces/${encodeURIComponent(ns)}/pods/${encodeURIComponent(pod)}/log?${q}`;
    yield* streamLines(await this.target(), path, { ctx, signal, connectTimeoutMs: this.timeoutMs });
  }
}
