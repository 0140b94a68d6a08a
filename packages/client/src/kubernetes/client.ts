/**
 * Kubernetes mode: talks to the Kubernetes API server with the credentials of a kubeconfig
 * (`KUBECONFIG`, `~/.kube/config`, or the in-cluster service account) over Node's own `http`/`https`
 * ({@link request}, {@link streamLines}); the kubeconfig is read by {@link loadKubeConfig}. Every answer is
 * checked for the shape the request expects ({@link expectShape}).
 */
import { type ErrorContext, httpError, transportError } from "../error-mapping.js";
import { type HttpResponse, type HttpTarget, request } from "../http-request.js";
import { streamLines } from "../line-stream.js";
import { type Connection, errorContext, inNamespace, listContext, objectContext } from "../operation.js";
import type { RawRequest } from "../raw-request.js";
import { safeUrl } from "../redact.js";
import type { WatchSource } from "../resilient-watch.js";
import { ARGO_GROUP, ARGO_VERSION, type ArgoKind, type ArgoResource, resourceFor } from "../resources.js";
import { type Expectation, expectShape } from "../response-shape.js";
import { type KubeObject, objectLabel, type Workflow } from "../types.js";
import { parseWarnings } from "../warnings.js";
import { watchTiming } from "../watch-timing.js";
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
import { type KubeContext, KubeCredentials, loadKubeConfig } from "./kubeconfig.js";
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
  /** Timeout of each (non-streaming) request and of an exec credential plugin, in milliseconds; 0 disables it. @default 30000 */
  readonly requestTimeoutMs?: number;
  /**
   * Each watch asks the server to end it after this long (`timeoutSeconds`) and is abandoned when it has
   * sent nothing for 1.5 times as long; it then resumes from the last resourceVersion. @default 60000
   */
  readonly watchTimeoutMs?: number;
  /** Bearer token used instead of the context user's credentials (kubectl `--token`). @default the kubeconfig user's */
  readonly token?: string;
  /** Do not verify the server's certificate (kubectl `--insecure-skip-tls-verify`). @default the kubeconfig's setting */
  readonly insecureSkipTlsVerify?: boolean;
  /** CA bundle file to verify the server with (kubectl `--certificate-authority`). @default the kubeconfig's CA */
  readonly caFile?: string;
}

/**
 * Connects to the Kubernetes API with a kubeconfig. Nothing is sent until the first call (an exec
 * credential plugin runs then too).
 *
 * @example
 * ```ts
 * const client = await connectKubernetes({ context: "kind-dev", namespace: "argo" });
 * const wfs = await client.list("Workflow", { labelSelector: "app=ci" });
 * ```
 */
export async function connectKubernetes(options: KubernetesConnectOptions = {}): Promise<WorkflowClient> {
  const ctx = await loadKubeConfig(options);
  const namespace = options.namespace ?? ctx.namespace ?? "default";
  return new KubernetesWorkflowClient(
    ctx,
    namespace,
    options.requestTimeoutMs ?? 30_000,
    options.watchTimeoutMs ?? 60_000,
  );
}

type Page = { readonly items?: KubeObject[]; readonly metadata?: { readonly resourceVersion?: string } };

/** One request of the client: method, path (with query), body, and what the answer must be. */
interface Call {
  readonly method?: string;
  readonly path: string;
  readonly body?: unknown;
  readonly contentType?: string | undefined;
  readonly expect: Expectation;
  readonly onWarning?: ((warning: string) => void) | undefined;
}

class KubernetesWorkflowClient implements WorkflowClient, PodLogSource {
  readonly mode = "kubernetes" as const;
  readonly server: string;
  private readonly conn: Connection;
  private readonly creds: KubeCredentials;

  constructor(
    ctx: KubeContext,
    readonly namespace: string,
    private readonly timeoutMs: number,
    private readonly watchTimeoutMs: number,
  ) {
    this.server = safeUrl(ctx.server);
    this.conn = { server: this.server, credentials: ctx.credentials };
    this.creds = new KubeCredentials(ctx, timeoutMs);
  }

  /** Sends one request and checks its answer, turning every failure into a ClusterError. */
  private async send<T>(ctx: ErrorContext, call: Call): Promise<T> {
    const target = await this.creds.target();
    let res: HttpResponse;
    try {
      res = await request(target, call.path, {
        method: call.method ?? "GET",
        body: call.body,
        ...(call.contentType ? { contentType: call.contentType } : {}),
        timeoutMs: this.timeoutMs,
      });
    } catch (err) {
      throw transportError(err, ctx);
    }
    if (call.onWarning && res.warning) for (const w of parseWarnings(res.warning)) call.onWarning(w);
    if (res.status < 200 || res.status > 299) throw httpError(res.status, res.body, ctx);
    return expectShape<T>(res, ctx, target.baseUrl + call.path, call.expect);
  }

  /** The collection path of `res` in `namespace` (all namespaces when undefined, or cluster-scoped). */
  private collection(res: ArgoResource, namespace: string | undefined): string {
    const base = `/apis/${ARGO_GROUP}/${ARGO_VERSION}`;
    return res.namespaced && namespace !== undefined
      ? `${base}/namespaces/${encodeURIComponent(namespace)}/${res.plural}`
      : `${base}/${res.plural}`;
  }

  private objectPath(res: ArgoResource, namespace: string, name: string, query?: URLSearchParams): string {
    const qs = query?.toString();
    return `${this.collection(res, namespace)}/${encodeURIComponent(name)}${qs ? `?${qs}` : ""}`;
  }

  async create<T extends KubeObject = KubeObject>(manifest: KubeObject, options: CreateOptions = {}): Promise<T> {
    const res = resourceFor(String(manifest.kind ?? "Workflow"));
    const ns = manifest.metadata?.namespace ?? this.namespace;
    const dry = options.dryRun === "server";
    const ctx = objectContext(this.conn, dry ? "validate" : "create", res, objectLabel(manifest), ns);
    const q = new URLSearchParams({ fieldValidation: options.fieldValidation ?? "Strict" });
    if (dry) q.set("dryRun", "All");
    return this.send(ctx, {
      method: "POST",
      path: `${this.collection(res, ns)}?${q}`,
      body: inNamespace(res, manifest, ns),
      expect: { shape: "object", kind: res.kind, ...(manifest.metadata?.name ? { name: manifest.metadata.name } : {}) },
      onWarning: options.onWarning,
    });
  }

  async get<T extends KubeObject = KubeObject>(kind: ArgoKind, name: string, namespace?: string): Promise<T> {
    const res = resourceFor(kind);
    const ns = namespace ?? this.namespace;
    return this.send(objectContext(this.conn, "get", res, name, ns), {
      path: this.objectPath(res, ns, name),
      expect: { shape: "object", kind: res.kind, name },
    });
  }

  private async listPage(res: ArgoResource, options: ListOptions): Promise<Page> {
    const all = options.allNamespaces || !res.namespaced;
    const q = new URLSearchParams();
    if (options.labelSelector) q.set("labelSelector", options.labelSelector);
    if (options.fieldSelector) q.set("fieldSelector", options.fieldSelector);
    const qs = q.toString();
    return this.send(listContext(this.conn, res, all ? undefined : this.namespace), {
      path: `${this.collection(res, all ? undefined : this.namespace)}${qs ? `?${qs}` : ""}`,
      expect: { shape: "list", kind: res.kind },
    });
  }

  async list<T extends KubeObject = KubeObject>(kind: ArgoKind, options: ListOptions = {}): Promise<T[]> {
    return ((await this.listPage(resourceFor(kind), options)).items ?? []) as T[];
  }

  async update<T extends KubeObject = KubeObject>(manifest: KubeObject, options: WriteOptions = {}): Promise<T> {
    const res = resourceFor(String(manifest.kind));
    const name = manifest.metadata?.name ?? "";
    const ns = manifest.metadata?.namespace ?? this.namespace;
    const q = new URLSearchParams({ fieldValidation: options.fieldValidation ?? "Strict" });
    return this.send(objectContext(this.conn, "update", res, name, ns), {
      method: "PUT",
      path: this.objectPath(res, ns, name, q),
      body: inNamespace(res, manifest, ns),
      expect: { shape: "object", kind: res.kind, name },
      onWarning: options.onWarning,
    });
  }

  async delete(kind: ArgoKind, name: string, namespace?: string): Promise<void> {
    const res = resourceFor(kind);
    const ns = namespace ?? this.namespace;
    await this.send(objectContext(this.conn, "delete", res, name, ns), {
      method: "DELETE",
      path: this.objectPath(res, ns, name, new URLSearchParams({ propagationPolicy: "Background" })),
      expect: { shape: "any-json" },
    });
  }

  private target(): Promise<HttpTarget> {
    return this.creds.target();
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
        const timing = watchTiming(this.watchTimeoutMs);
        const q = new URLSearchParams({
          watch: "true",
          fieldSelector,
          resourceVersion: rv,
          allowWatchBookmarks: "true",
        });
        if (timing.timeoutSeconds) q.set("timeoutSeconds", String(timing.timeoutSeconds));
        await consumeWatch(
          await this.target(),
          `${base}?${q}`,
          { ctx, signal, connectTimeoutMs: this.timeoutMs, idleTimeoutMs: timing.idleMs },
          onEvent,
        );
      },
    };
    return workflowUpdates(name, source, options, ctx);
  }

  logs(name: string, options: LogsOptions = {}): AsyncIterable<LogLine> {
    return podLogs(this, name, options);
  }

  raw<T = unknown>(req: RawRequest): Promise<T> {
    return this.send<T>(errorContext(this.conn, req.action, req.permission, req.namespace), {
      method: req.method,
      path: req.path,
      body: req.body,
      contentType: req.contentType,
      expect: req.expect ?? { shape: "any-json" },
      onWarning: req.onWarning,
    });
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
    const out = await this.send<{ items: KubePod[] }>(ctx, {
      path: `/api/v1/namespaces/${encodeURIComponent(ns)}/pods?${q}`,
      expect: { shape: "list", kind: "Pod" },
    });
    return out.items;
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
