/**
 * Kubernetes mode: talks to the Kubernetes API server with the credentials of
 * a kubeconfig (`KUBECONFIG`, `~/.kube/config`, or the in-cluster service
 * account), through `@kubernetes/client-node`.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Agent } from "node:http";
import type * as k8s from "@kubernetes/client-node";
import { AsyncQueue } from "./async-queue.js";
import { ClusterError } from "./errors.js";
import { httpError, transportError, type ErrorContext } from "./error-mapping.js";
import { stream, type HttpTarget } from "./http-request.js";
import { podNameForNode } from "./pod-name.js";
import { ARGO_GROUP, ARGO_VERSION, resourceFor, type ArgoKind, type ArgoResource } from "./resources.js";
import { resilientWatch, type WatchSource, type WatchEvent } from "./resilient-watch.js";
import { isCompleted, type KubeObject, type NodeStatus, type Workflow } from "./types.js";
import type {
  CreateOptions,
  ListOptions,
  LogLine,
  LogsOptions,
  WatchWorkflowOptions,
  WorkflowClient,
} from "./workflow-client.js";

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

const IN_CLUSTER_TOKEN = "/var/run/secrets/kubernetes.io/serviceaccount/token";

async function loadKubeConfig(mod: typeof k8s, options: KubernetesConnectOptions): Promise<k8s.KubeConfig> {
  const kc = new mod.KubeConfig();
  const envFiles = (process.env.KUBECONFIG ?? "").split(path.delimiter).filter(Boolean);
  const home = path.join(os.homedir(), ".kube", "config");
  try {
    if (options.kubeconfig) {
      if (!fs.existsSync(options.kubeconfig)) throw new Error(`file ${options.kubeconfig} does not exist`);
      kc.loadFromFile(options.kubeconfig);
    } else if (envFiles.length > 0) {
      const missing = envFiles.filter((f) => !fs.existsSync(f));
      if (missing.length === envFiles.length) throw new Error(`KUBECONFIG names ${missing.join(", ")}, which does not exist`);
      process.env.KUBECONFIG = envFiles.filter((f) => fs.existsSync(f)).join(path.delimiter);
      kc.loadFromDefault();
    } else if (fs.existsSync(home) || (process.env.KUBERNETES_SERVICE_HOST && fs.existsSync(IN_CLUSTER_TOKEN))) {
      kc.loadFromDefault();
    } else {
      throw new ClusterError(
        "ConfigError",
        "no kubeconfig found: set KUBECONFIG or --kubeconfig, create ~/.kube/config (e.g. with your cloud's CLI), or use --argo-server",
      );
    }
  } catch (err) {
    if (err instanceof ClusterError) throw err;
    throw new ClusterError(
      "ConfigError",
      `reading the kubeconfig failed: ${err instanceof Error ? err.message : String(err)}; check the file (kubectl config view)`,
      { cause: err },
    );
  }
  if (options.context) {
    if (!kc.getContextObject(options.context)) {
      const known = kc.getContexts().map((c) => c.name);
      throw new ClusterError(
        "ConfigError",
        `context "${options.context}" is not in the kubeconfig; known contexts: ${known.join(", ") || "none"} (kubectl config get-contexts)`,
      );
    }
    kc.setCurrentContext(options.context);
  }
  const cluster = kc.getCurrentCluster();
  if (!cluster) {
    throw new ClusterError(
      "ConfigError",
      `the kubeconfig has no cluster for context "${kc.getCurrentContext()}"; pick a context with --context (kubectl config get-contexts)`,
    );
  }
  // kubectl talks plain HTTP to an http:// server; client-node insists on skipTLSVerify for it
  if (cluster.server.startsWith("http:") && !cluster.skipTLSVerify) {
    kc.clusters = kc.clusters.map((c) => (c.name === cluster.name ? { ...c, skipTLSVerify: true } : c));
  }
  return kc;
}

interface ApiExceptionLike {
  readonly code: number;
  readonly body: unknown;
}

function isApiException(err: unknown): err is ApiExceptionLike {
  return (
    !!err &&
    typeof err === "object" &&
    typeof (err as { code?: unknown }).code === "number" &&
    "body" in (err as object)
  );
}

function manifestName(m: KubeObject): string {
  return m.metadata?.name ?? (m.metadata?.generateName ? `${m.metadata.generateName}*` : "<unnamed>");
}

/**
 * Connects to the Kubernetes API with a kubeconfig. Nothing is sent until the
 * first call. `@kubernetes/client-node` is loaded only here, so commands that
 * never reach a cluster do not pay for it.
 *
 * @example
 * ```ts
 * const client = await connectKubernetes({ context: "kind-dev", namespace: "argo" });
 * const wfs = await client.list("Workflow", { labelSelector: "app=ci" });
 * ```
 */
export async function connectKubernetes(options: KubernetesConnectOptions = {}): Promise<WorkflowClient> {
  const mod = await import("@kubernetes/client-node");
  const kc = await loadKubeConfig(mod, options);
  const context = kc.getCurrentContext();
  const namespace = options.namespace ?? kc.getContextObject(context)?.namespace ?? "default";
  return new KubernetesWorkflowClient(mod, kc, namespace, options.requestTimeoutMs ?? 30_000);
}

class KubernetesWorkflowClient implements WorkflowClient {
  readonly mode = "kubernetes" as const;
  readonly server: string;
  private readonly custom: k8s.CustomObjectsApi;
  private readonly contextName: string;

  constructor(
    private readonly mod: typeof k8s,
    private readonly kc: k8s.KubeConfig,
    readonly namespace: string,
    private readonly timeoutMs: number,
  ) {
    this.server = kc.getCurrentCluster()?.server ?? "<no server>";
    this.custom = kc.makeApiClient(mod.CustomObjectsApi);
    this.contextName = kc.getCurrentContext();
  }

  private ctx(action: string, permission?: string, namespace?: string): ErrorContext {
    return {
      action,
      server: this.server,
      credentials: `context "${this.contextName}"`,
      ...(namespace ? { namespace } : {}),
      ...(permission ? { permission } : {}),
    };
  }

  private callOptions(): k8s.ConfigurationOptions | undefined {
    const ms = this.timeoutMs;
    if (!ms) return undefined;
    const { Observable } = this.mod;
    return {
      middleware: [
        {
          pre: (req) => {
            req.setSignal(AbortSignal.timeout(ms));
            return new Observable(Promise.resolve(req));
          },
          post: (res) => new Observable(Promise.resolve(res)),
        },
      ],
      middlewareMergeStrategy: "append",
    };
  }

  private async call<T>(ctx: ErrorContext, fn: (opts: k8s.ConfigurationOptions | undefined) => Promise<T>): Promise<T> {
    const started = Date.now();
    try {
      return await fn(this.callOptions());
    } catch (err) {
      if (isApiException(err) && err.code > 0) throw httpError(err.code, err.body, ctx);
      if (this.timeoutMs && err instanceof Error && err.name === "AbortError" && Date.now() - started >= this.timeoutMs - 50) {
        throw transportError(Object.assign(new Error(`no response within ${this.timeoutMs < 1000 ? `${this.timeoutMs}ms` : `${this.timeoutMs / 1000}s`}`), { code: "ETIMEDOUT" }), ctx);
      }
      throw transportError(err, ctx);
    }
  }

  private where(res: ArgoResource, namespace: string | undefined): string {
    return res.namespaced ? ` in namespace "${namespace ?? this.namespace}"` : "";
  }

  async create<T extends KubeObject = KubeObject>(manifest: KubeObject, options: CreateOptions = {}): Promise<T> {
    const res = resourceFor(String(manifest.kind ?? "Workflow"));
    const namespace = manifest.metadata?.namespace ?? this.namespace;
    const body = res.namespaced ? { ...manifest, metadata: { ...manifest.metadata, namespace } } : manifest;
    const dryRun = options.dryRun === "server" ? "All" : undefined;
    const ctx = this.ctx(
      `${dryRun ? "validating (server dry run)" : "creating"} ${res.kind} "${manifestName(manifest)}"${this.where(res, namespace)}`,
      `create ${res.plural}.${ARGO_GROUP}`,
      res.namespaced ? namespace : undefined,
    );
    return this.call(ctx, (o) =>
      res.namespaced
        ? this.custom.createNamespacedCustomObject({ group: ARGO_GROUP, version: ARGO_VERSION, namespace, plural: res.plural, body, dryRun }, o)
        : this.custom.createClusterCustomObject({ group: ARGO_GROUP, version: ARGO_VERSION, plural: res.plural, body, dryRun }, o),
    ) as Promise<T>;
  }

  async get<T extends KubeObject = KubeObject>(kind: ArgoKind, name: string, namespace?: string): Promise<T> {
    const res = resourceFor(kind);
    const ns = namespace ?? this.namespace;
    const ctx = this.ctx(`getting ${res.kind} "${name}"${this.where(res, ns)}`, `get ${res.plural}.${ARGO_GROUP}`, res.namespaced ? ns : undefined);
    return this.call(ctx, (o) =>
      res.namespaced
        ? this.custom.getNamespacedCustomObject({ group: ARGO_GROUP, version: ARGO_VERSION, namespace: ns, plural: res.plural, name }, o)
        : this.custom.getClusterCustomObject({ group: ARGO_GROUP, version: ARGO_VERSION, plural: res.plural, name }, o),
    ) as Promise<T>;
  }

  private async listRaw(res: ArgoResource, options: ListOptions): Promise<{ items: KubeObject[]; metadata?: { resourceVersion?: string } }> {
    const ns = this.namespace;
    const all = options.allNamespaces || !res.namespaced;
    const ctx = this.ctx(
      `listing ${res.plural}${all ? "" : ` in namespace "${ns}"`}`,
      `list ${res.plural}.${ARGO_GROUP}`,
      all ? undefined : ns,
    );
    const sel = {
      ...(options.labelSelector ? { labelSelector: options.labelSelector } : {}),
      ...(options.fieldSelector ? { fieldSelector: options.fieldSelector } : {}),
    };
    return this.call(ctx, (o) =>
      all
        ? this.custom.listClusterCustomObject({ group: ARGO_GROUP, version: ARGO_VERSION, plural: res.plural, ...sel }, o)
        : this.custom.listNamespacedCustomObject({ group: ARGO_GROUP, version: ARGO_VERSION, namespace: ns, plural: res.plural, ...sel }, o),
    ) as Promise<{ items: KubeObject[]; metadata?: { resourceVersion?: string } }>;
  }

  async list<T extends KubeObject = KubeObject>(kind: ArgoKind, options: ListOptions = {}): Promise<T[]> {
    const res = resourceFor(kind);
    const out = await this.listRaw(res, options);
    return (out.items ?? []) as T[];
  }

  async update<T extends KubeObject = KubeObject>(manifest: KubeObject): Promise<T> {
    const res = resourceFor(String(manifest.kind));
    const name = manifest.metadata?.name ?? "";
    const ns = manifest.metadata?.namespace ?? this.namespace;
    const body = res.namespaced ? { ...manifest, metadata: { ...manifest.metadata, namespace: ns } } : manifest;
    const ctx = this.ctx(`updating ${res.kind} "${name}"${this.where(res, ns)}`, `update ${res.plural}.${ARGO_GROUP}`, res.namespaced ? ns : undefined);
    return this.call(ctx, (o) =>
      res.namespaced
        ? this.custom.replaceNamespacedCustomObject({ group: ARGO_GROUP, version: ARGO_VERSION, namespace: ns, plural: res.plural, name, body }, o)
        : this.custom.replaceClusterCustomObject({ group: ARGO_GROUP, version: ARGO_VERSION, plural: res.plural, name, body }, o),
    ) as Promise<T>;
  }

  async delete(kind: ArgoKind, name: string, namespace?: string): Promise<void> {
    const res = resourceFor(kind);
    const ns = namespace ?? this.namespace;
    const ctx = this.ctx(`deleting ${res.kind} "${name}"${this.where(res, ns)}`, `delete ${res.plural}.${ARGO_GROUP}`, res.namespaced ? ns : undefined);
    await this.call(ctx, (o) =>
      res.namespaced
        ? this.custom.deleteNamespacedCustomObject({ group: ARGO_GROUP, version: ARGO_VERSION, namespace: ns, plural: res.plural, name, propagationPolicy: "Background" }, o)
        : this.custom.deleteClusterCustomObject({ group: ARGO_GROUP, version: ARGO_VERSION, plural: res.plural, name, propagationPolicy: "Background" }, o),
    );
  }

  /** Agent and auth headers of the kubeconfig, for streaming requests. */
  private async target(): Promise<HttpTarget> {
    const opts: { headers?: Record<string, string>; agent?: Agent } = {};
    await this.kc.applyToHTTPSOptions(opts as Parameters<k8s.KubeConfig["applyToHTTPSOptions"]>[0]);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(opts.headers ?? {})) headers[k] = String(v);
    const auth = (opts as { auth?: string }).auth;
    if (auth) headers.Authorization = `Basic ${Buffer.from(auth).toString("base64")}`;
    return { baseUrl: this.server, headers, ...(opts.agent ? { agent: opts.agent } : {}) };
  }

  watchWorkflow(name: string, options: WatchWorkflowOptions = {}): AsyncIterable<Workflow> {
    const ns = this.namespace;
    const base = `/apis/${ARGO_GROUP}/${ARGO_VERSION}/namespaces/${encodeURIComponent(ns)}/workflows`;
    const fieldSelector = `metadata.name=${name}`;
    const ctx = this.ctx(`watching Workflow "${name}" in namespace "${ns}"`, "watch workflows.argoproj.io", ns);
    const source: WatchSource<Workflow> = {
      list: async () => {
        const out = await this.listRaw(resourceFor("Workflow"), { fieldSelector });
        return { items: out.items as Workflow[], resourceVersion: out.metadata?.resourceVersion ?? "0" };
      },
      watch: async (rv, signal, onEvent) => {
        const target = await this.target();
        const q = new URLSearchParams({ watch: "true", fieldSelector, resourceVersion: rv, allowWatchBookmarks: "true" });
        await consumeWatch(target, `${base}?${q}`, signal, ctx, this.timeoutMs, onEvent);
      },
    };
    return workflowUpdates(name, source, options, ctx);
  }

  logs(name: string, options: LogsOptions = {}): AsyncIterable<LogLine> {
    return kubeLogs(this, name, options);
  }

  /** @internal lists the pods of a workflow. */
  async workflowPods(name: string): Promise<KubePod[]> {
    const ns = this.namespace;
    const target = await this.target();
    const q = new URLSearchParams({ labelSelector: `workflows.argoproj.io/workflow=${name}` });
    const ctx = this.ctx(`listing the pods of Workflow "${name}" in namespace "${ns}"`, "list pods", ns);
    const { request } = await import("./http-request.js");
    let res;
    try {
      res = await request(target, `/api/v1/namespaces/${encodeURIComponent(ns)}/pods?${q}`, { timeoutMs: this.timeoutMs });
    } catch (err) {
      throw transportError(err, ctx);
    }
    if (res.status !== 200) throw httpError(res.status, res.body, ctx);
    return ((res.body as { items?: KubePod[] }).items ?? []) as KubePod[];
  }

  /** @internal streams one pod's log. */
  async *podLog(pod: string, container: string, follow: boolean, signal: AbortSignal): AsyncGenerator<string> {
    const ns = this.namespace;
    const target = await this.target();
    const q = new URLSearchParams({ container, follow: String(follow) });
    const ctx = this.ctx(`reading the logs of pod "${pod}" in namespace "${ns}"`, "get pods/log", ns);
    let s;
    try {
      s = await stream(target, `/api/v1/namespaces/${encodeURIComponent(ns)}/pods/${encodeURIComponent(pod)}/log?${q}`, {
        signal,
        timeoutMs: this.timeoutMs,
      });
    } catch (err) {
      if (signal.aborted) return;
      throw transportError(err, ctx);
    }
    if (!("lines" in s)) throw httpError(s.status, s.body, ctx);
    try {
      for await (const line of s.lines) yield line;
    } finally {
      s.close();
    }
  }
}

/** A pod as far as logs need it. */
interface KubePod {
  readonly metadata: { readonly name: string; readonly annotations?: Record<string, string>; readonly creationTimestamp?: string };
  readonly status?: { readonly phase?: string };
}

/**
 * Reads a watch stream (one JSON event per line) into `onEvent`, turning
 * in-stream `ERROR` events into errors (`Gone` for 410).
 */
export async function consumeWatch<T extends KubeObject>(
  target: HttpTarget,
  pathAndQuery: string,
  signal: AbortSignal,
  ctx: ErrorContext,
  connectTimeoutMs: number,
  onEvent: (event: WatchEvent<T> | { readonly type: "BOOKMARK"; readonly resourceVersion: string }) => void,
): Promise<void> {
  let s;
  try {
    s = await stream(target, pathAndQuery, { signal, timeoutMs: connectTimeoutMs });
  } catch (err) {
    if (signal.aborted) return;
    throw transportError(err, ctx);
  }
  if (!("lines" in s)) throw httpError(s.status, s.body, ctx);
  try {
    for await (const line of s.lines) {
      if (!line.trim()) continue;
      let ev: { type?: string; object?: KubeObject & { code?: number } };
      try {
        ev = JSON.parse(line) as typeof ev;
      } catch {
        continue;
      }
      const obj = ev.object;
      if (!obj) continue;
      if (ev.type === "ERROR") {
        throw httpError(typeof obj.code === "number" ? obj.code : 500, obj, ctx);
      }
      if (ev.type === "BOOKMARK") {
        onEvent({ type: "BOOKMARK", resourceVersion: obj.metadata?.resourceVersion ?? "" });
      } else if (ev.type === "ADDED" || ev.type === "MODIFIED" || ev.type === "DELETED") {
        onEvent({ type: ev.type, object: obj as T });
      }
    }
  } catch (err) {
    if (signal.aborted) return;
    if (err instanceof ClusterError) throw err;
    throw transportError(err, ctx);
  } finally {
    s.close();
  }
}

/**
 * Turns watch events of one workflow into a stream of its states; ends with
 * `NotFound` if the workflow does not exist or is deleted.
 */
export async function* workflowUpdates(
  name: string,
  source: WatchSource<Workflow>,
  options: WatchWorkflowOptions,
  ctx: ErrorContext,
): AsyncGenerator<Workflow> {
  const checked: WatchSource<Workflow> = {
    list: async (signal) => {
      const out = await source.list(signal);
      if (!out.items.some((w) => w.metadata?.name === name)) {
        throw new ClusterError("NotFound", `${ctx.action}: NotFound (404): workflow "${name}" not found; check the name (wfc list)`, {
          status: 404,
        });
      }
      return out;
    },
    watch: (rv, signal, onEvent) => source.watch(rv, signal, onEvent),
  };
  for await (const ev of resilientWatch(checked, options)) {
    if (ev.object.metadata?.name !== name) continue;
    if (ev.type === "DELETED") {
      throw new ClusterError("NotFound", `${ctx.action}: the workflow was deleted while it was being watched`, { status: 404 });
    }
    yield ev.object;
  }
}

function matchesTask(node: NodeStatus | undefined, task: string | undefined): boolean {
  if (!task) return true;
  return !!node && (node.displayName === task || node.name === task || node.name.endsWith(`.${task}`));
}

function nodeLabel(node: NodeStatus | undefined, pod: string): string {
  return node?.displayName ?? node?.name ?? pod;
}

/** Pod name → node of a workflow. */
export function podIndex(wf: Workflow): Map<string, NodeStatus> {
  const out = new Map<string, NodeStatus>();
  const wfName = wf.metadata?.name ?? "";
  for (const node of Object.values(wf.status?.nodes ?? {})) {
    const pod = podNameForNode(wfName, node);
    if (pod) out.set(pod, node);
    if (node.type === "Pod") out.set(node.id, node); // POD_NAMES=v1: pod name is the node id
  }
  return out;
}

function kubeLogs(client: KubernetesWorkflowClient, name: string, options: LogsOptions): AsyncIterable<LogLine> {
  const container = options.container ?? "main";
  const q = new AsyncQueue<LogLine>();
  const inner = new AbortController();
  options.signal?.addEventListener("abort", () => inner.abort(), { once: true });
  const signal = inner.signal;

  const run = async (): Promise<void> => {
    if (!options.follow) {
      const wf = await client.get<Workflow>("Workflow", name);
      const index = podIndex(wf);
      const order = Object.keys(wf.status?.nodes ?? {});
      const pods = (await client.workflowPods(name))
        .map((p) => ({ pod: p, node: index.get(p.metadata.name) }))
        .filter((x) => matchesTask(x.node, options.task))
        .sort((a, b) => {
          const t = String(a.node?.startedAt ?? a.pod.metadata.creationTimestamp ?? "").localeCompare(
            String(b.node?.startedAt ?? b.pod.metadata.creationTimestamp ?? ""),
          );
          return t !== 0 ? t : order.indexOf(a.node?.id ?? "") - order.indexOf(b.node?.id ?? "");
        });
      for (const { pod, node } of pods) {
        for await (const text of client.podLog(pod.metadata.name, container, false, signal)) {
          q.push({ podName: pod.metadata.name, nodeName: nodeLabel(node, pod.metadata.name), text });
        }
      }
      return;
    }
    // follow: start a stream for each pod node once it runs; stop when the workflow is done and streams end
    const started = new Set<string>();
    const streams: Promise<void>[] = [];
    const follow = async (pod: string, node: NodeStatus): Promise<void> => {
      for (let attempt = 0; ; attempt++) {
        try {
          for await (const text of client.podLog(pod, container, true, signal)) {
            q.push({ podName: pod, nodeName: nodeLabel(node, pod), text });
          }
          return;
        } catch (err) {
          if (signal.aborted || (err instanceof ClusterError && err.code === "NotFound")) return;
          // the container may still be starting: retry a few times
          if (!(err instanceof ClusterError) || err.code !== "BadRequest" || attempt >= 20) throw err;
          await new Promise((r) => setTimeout(r, 250));
        }
      }
    };
    for await (const wf of client.watchWorkflow(name, { signal })) {
      for (const [pod, node] of podIndex(wf)) {
        if (pod === node.id && podNameForNode(name, node) !== pod) continue;
        if (started.has(pod) || !matchesTask(node, options.task)) continue;
        if (node.phase === "Pending" || node.phase === "Skipped" || node.phase === "Omitted" || node.phase === undefined) continue;
        started.add(pod);
        streams.push(follow(pod, node));
      }
      if (isCompleted(wf.status?.phase)) break;
    }
    await Promise.all(streams);
  };
  run().then(
    () => q.end(),
    (err: unknown) => (signal.aborted ? q.end() : q.end(err)),
  );
  return {
    async *[Symbol.asyncIterator]() {
      try {
        yield* q;
      } finally {
        inner.abort();
      }
    },
  };
}
