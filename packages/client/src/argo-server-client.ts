/**
 * Argo Server mode: talks to the Argo Server HTTP API (`/api/v1/...`) with a
 * bearer token, like `argo --argo-server`. Useful when users have no
 * Kubernetes credentials, only an Argo Server URL and token.
 */
import fs from "node:fs";
import http from "node:http";
import https from "node:https";
import { AsyncQueue } from "./async-queue.js";
import { ClusterError } from "./errors.js";
import { httpError, transportError, type ErrorContext } from "./error-mapping.js";
import { request, stream, type HttpTarget } from "./http-request.js";
import { podIndex, workflowUpdates } from "./kube-client.js";
import { resourceFor, type ArgoKind, type ArgoResource } from "./resources.js";
import type { WatchSource } from "./resilient-watch.js";
import type { KubeObject, NodeStatus, Workflow } from "./types.js";
import type {
  CreateOptions,
  ListOptions,
  LogLine,
  LogsOptions,
  WatchWorkflowOptions,
  WorkflowClient,
} from "./workflow-client.js";

/**
 * Options for {@link connectArgoServer}.
 *
 * @example
 * ```ts
 * await connectArgoServer({ argoServer: "https://argo.example.com", token: process.env.ARGO_TOKEN });
 * ```
 */
export interface ArgoServerConnectOptions {
  /** Argo Server URL, e.g. `https://argo.example.com:2746`. A bare `host:port` means HTTPS. */
  readonly server: string;
  /** Bearer token (with or without the `Bearer ` prefix). @default none (server must allow anonymous access) */
  readonly token?: string;
  /** Namespace. @default `ARGO_NAMESPACE`, else `default` */
  readonly namespace?: string;
  /** Do not verify the server's certificate. @default false */
  readonly insecureSkipTlsVerify?: boolean;
  /** PEM file of the CA that signed the server's certificate. @default the system roots */
  readonly caFile?: string;
  /** Timeout of each (non-streaming) request in milliseconds; 0 disables it. @default 30000 */
  readonly requestTimeoutMs?: number;
}

interface KindPaths {
  readonly collection: (ns: string) => string;
  /** Body field that wraps the object on create/update. */
  readonly field: string;
}

const PATHS: Record<ArgoKind, KindPaths> = {
  Workflow: { collection: (ns) => `/api/v1/workflows/${encodeURIComponent(ns)}`, field: "workflow" },
  WorkflowTemplate: { collection: (ns) => `/api/v1/workflow-templates/${encodeURIComponent(ns)}`, field: "template" },
  ClusterWorkflowTemplate: { collection: () => "/api/v1/cluster-workflow-templates", field: "template" },
  CronWorkflow: { collection: (ns) => `/api/v1/cron-workflows/${encodeURIComponent(ns)}`, field: "cronWorkflow" },
};

function normalizeServer(server: string): string {
  const withScheme = /^[a-z]+:\/\//i.test(server) ? server : `https://${server}`;
  return withScheme.replace(/\/+$/, "");
}

/**
 * Connects to an Argo Server. Nothing is sent until the first call.
 *
 * @example
 * ```ts
 * const client = await connectArgoServer({ server: "https://localhost:2746", token: process.env.ARGO_TOKEN, namespace: "argo" });
 * ```
 */
export async function connectArgoServer(options: ArgoServerConnectOptions): Promise<WorkflowClient> {
  const baseUrl = normalizeServer(options.server);
  let agent: http.Agent;
  if (baseUrl.startsWith("http:")) {
    agent = new http.Agent({ keepAlive: false });
  } else {
    let ca: Buffer | undefined;
    if (options.caFile) {
      try {
        ca = fs.readFileSync(options.caFile);
      } catch (err) {
        throw new ClusterError("ConfigError", `reading --ca-file ${options.caFile} failed: ${(err as Error).message}`, { cause: err });
      }
    }
    agent = new https.Agent({ rejectUnauthorized: !options.insecureSkipTlsVerify, ...(ca ? { ca } : {}) });
  }
  const headers: Record<string, string> = {};
  const token = options.token?.trim();
  if (token) headers.Authorization = /^(bearer|basic)\s/i.test(token) ? token : `Bearer ${token}`;
  const namespace = options.namespace ?? process.env.ARGO_NAMESPACE ?? "default";
  return new ArgoServerWorkflowClient({ baseUrl, agent, headers }, namespace, options.requestTimeoutMs ?? 30_000);
}

function manifestName(m: KubeObject): string {
  return m.metadata?.name ?? (m.metadata?.generateName ? `${m.metadata.generateName}*` : "<unnamed>");
}

class ArgoServerWorkflowClient implements WorkflowClient {
  readonly mode = "argo-server" as const;
  readonly server: string;

  constructor(
    private readonly target: HttpTarget,
    readonly namespace: string,
    private readonly timeoutMs: number,
  ) {
    this.server = target.baseUrl;
  }

  private ctx(action: string, permission?: string, namespace?: string): ErrorContext {
    return {
      action,
      server: this.server,
      credentials: "the Argo Server token (--token or ARGO_TOKEN)",
      ...(namespace ? { namespace } : {}),
      ...(permission ? { permission } : {}),
    };
  }

  private async send(ctx: ErrorContext, path: string, method = "GET", body?: unknown): Promise<unknown> {
    let res;
    try {
      res = await request(this.target, path, { method, body, timeoutMs: this.timeoutMs });
    } catch (err) {
      throw transportError(err, ctx);
    }
    if (res.status < 200 || res.status > 299) throw httpError(res.status, res.body, ctx);
    return res.body;
  }

  private where(res: ArgoResource, ns: string): string {
    return res.namespaced ? ` in namespace "${ns}"` : "";
  }

  async create<T extends KubeObject = KubeObject>(manifest: KubeObject, options: CreateOptions = {}): Promise<T> {
    const res = resourceFor(String(manifest.kind ?? "Workflow"));
    const ns = manifest.metadata?.namespace ?? this.namespace;
    const paths = PATHS[res.kind];
    const dry = options.dryRun === "server";
    const ctx = this.ctx(
      `${dry ? "validating (server dry run)" : "creating"} ${res.kind} "${manifestName(manifest)}"${this.where(res, ns)}`,
      `create ${res.plural}.argoproj.io`,
      res.namespaced ? ns : undefined,
    );
    const obj = res.namespaced ? { ...manifest, metadata: { ...manifest.metadata, namespace: ns } } : manifest;
    const body: Record<string, unknown> = { [paths.field]: obj, ...(res.namespaced ? { namespace: ns } : {}) };
    if (dry) {
      body.createOptions = { dryRun: ["All"] };
      if (res.kind === "Workflow") body.serverDryRun = true;
    }
    return (await this.send(ctx, paths.collection(ns), "POST", body)) as T;
  }

  async get<T extends KubeObject = KubeObject>(kind: ArgoKind, name: string, namespace?: string): Promise<T> {
    const res = resourceFor(kind);
    const ns = namespace ?? this.namespace;
    const ctx = this.ctx(`getting ${res.kind} "${name}"${this.where(res, ns)}`, `get ${res.plural}.argoproj.io`, res.namespaced ? ns : undefined);
    return (await this.send(ctx, `${PATHS[res.kind].collection(ns)}/${encodeURIComponent(name)}`)) as T;
  }

  private async listRaw(res: ArgoResource, options: ListOptions): Promise<{ items?: KubeObject[] | null; metadata?: { resourceVersion?: string } }> {
    const ns = options.allNamespaces ? "" : this.namespace;
    const ctx = this.ctx(`listing ${res.plural}${ns && res.namespaced ? ` in namespace "${ns}"` : ""}`, `list ${res.plural}.argoproj.io`, ns || undefined);
    const q = new URLSearchParams();
    if (options.labelSelector) q.set("listOptions.labelSelector", options.labelSelector);
    if (options.fieldSelector) q.set("listOptions.fieldSelector", options.fieldSelector);
    const qs = q.toString();
    return (await this.send(ctx, `${PATHS[res.kind].collection(ns)}${qs ? `?${qs}` : ""}`)) as {
      items?: KubeObject[] | null;
      metadata?: { resourceVersion?: string };
    };
  }

  async list<T extends KubeObject = KubeObject>(kind: ArgoKind, options: ListOptions = {}): Promise<T[]> {
    const out = await this.listRaw(resourceFor(kind), options);
    return (out.items ?? []) as T[];
  }

  async update<T extends KubeObject = KubeObject>(manifest: KubeObject): Promise<T> {
    const res = resourceFor(String(manifest.kind));
    if (res.kind === "Workflow") {
      throw new ClusterError("BadRequest", "the Argo Server cannot replace a Workflow; delete it and submit again");
    }
    const name = manifest.metadata?.name ?? "";
    const ns = manifest.metadata?.namespace ?? this.namespace;
    const paths = PATHS[res.kind];
    const ctx = this.ctx(`updating ${res.kind} "${name}"${this.where(res, ns)}`, `update ${res.plural}.argoproj.io`, res.namespaced ? ns : undefined);
    const obj = res.namespaced ? { ...manifest, metadata: { ...manifest.metadata, namespace: ns } } : manifest;
    const body = { [paths.field]: obj, name, ...(res.namespaced ? { namespace: ns } : {}) };
    return (await this.send(ctx, `${paths.collection(ns)}/${encodeURIComponent(name)}`, "PUT", body)) as T;
  }

  async delete(kind: ArgoKind, name: string, namespace?: string): Promise<void> {
    const res = resourceFor(kind);
    const ns = namespace ?? this.namespace;
    const ctx = this.ctx(`deleting ${res.kind} "${name}"${this.where(res, ns)}`, `delete ${res.plural}.argoproj.io`, res.namespaced ? ns : undefined);
    await this.send(ctx, `${PATHS[res.kind].collection(ns)}/${encodeURIComponent(name)}`, "DELETE");
  }

  watchWorkflow(name: string, options: WatchWorkflowOptions = {}): AsyncIterable<Workflow> {
    const ns = this.namespace;
    const fieldSelector = `metadata.name=${name}`;
    const ctx = this.ctx(`watching Workflow "${name}" in namespace "${ns}"`, "watch workflows.argoproj.io", ns);
    const source: WatchSource<Workflow> = {
      list: async () => {
        const out = await this.listRaw(resourceFor("Workflow"), { fieldSelector });
        return { items: (out.items ?? []) as Workflow[], resourceVersion: out.metadata?.resourceVersion ?? "0" };
      },
      watch: async (rv, signal, onEvent) => {
        const q = new URLSearchParams({ "listOptions.fieldSelector": fieldSelector, "listOptions.resourceVersion": rv });
        let s;
        try {
          s = await stream(this.target, `/api/v1/workflow-events/${encodeURIComponent(ns)}?${q}`, { signal, timeoutMs: this.timeoutMs });
        } catch (err) {
          if (signal.aborted) return;
          throw transportError(err, ctx);
        }
        if (!("lines" in s)) throw httpError(s.status, s.body, ctx);
        try {
          for await (const line of s.lines) {
            if (!line.trim()) continue;
            let msg: { result?: { type?: string; object?: Workflow }; error?: { code?: number; message?: string; http_code?: number } };
            try {
              msg = JSON.parse(line) as typeof msg;
            } catch {
              continue;
            }
            if (msg.error) {
              const status = msg.error.http_code ?? (/too old|expired|410/i.test(msg.error.message ?? "") ? 410 : 500);
              throw httpError(status, msg.error, ctx);
            }
            const ev = msg.result;
            if (!ev?.object) continue;
            if (ev.type === "ADDED" || ev.type === "MODIFIED" || ev.type === "DELETED") onEvent({ type: ev.type, object: ev.object });
          }
        } catch (err) {
          if (signal.aborted) return;
          if (err instanceof ClusterError) throw err;
          throw transportError(err, ctx);
        } finally {
          s.close();
        }
      },
    };
    return workflowUpdates(name, source, options, ctx);
  }

  logs(name: string, options: LogsOptions = {}): AsyncIterable<LogLine> {
    const ns = this.namespace;
    const ctx = this.ctx(`reading the logs of Workflow "${name}" in namespace "${ns}"`, "get pods/log", ns);
    const q = new URLSearchParams({
      "logOptions.container": options.container ?? "main",
      "logOptions.follow": String(!!options.follow),
    });
    const out = new AsyncQueue<LogLine>();
    const inner = new AbortController();
    options.signal?.addEventListener("abort", () => inner.abort(), { once: true });
    const run = async (): Promise<void> => {
      let index = podIndex(await this.get<Workflow>("Workflow", name));
      const nodeFor = async (pod: string): Promise<NodeStatus | undefined> => {
        if (!index.has(pod)) index = podIndex(await this.get<Workflow>("Workflow", name));
        return index.get(pod);
      };
      let s;
      try {
        s = await stream(this.target, `/api/v1/workflows/${encodeURIComponent(ns)}/${encodeURIComponent(name)}/log?${q}`, {
          signal: inner.signal,
          timeoutMs: this.timeoutMs,
        });
      } catch (err) {
        if (inner.signal.aborted) return;
        throw transportError(err, ctx);
      }
      if (!("lines" in s)) throw httpError(s.status, s.body, ctx);
      try {
        for await (const line of s.lines) {
          if (!line.trim()) continue;
          let msg: { result?: { podName?: string; content?: string }; error?: { message?: string; http_code?: number } };
          try {
            msg = JSON.parse(line) as typeof msg;
          } catch {
            continue;
          }
          if (msg.error) throw httpError(msg.error.http_code ?? 500, msg.error, ctx);
          const pod = msg.result?.podName ?? "";
          const node = await nodeFor(pod);
          if (options.task && !(node && (node.displayName === options.task || node.name === options.task || node.name.endsWith(`.${options.task}`)))) continue;
          out.push({ podName: pod, nodeName: node?.displayName ?? node?.name ?? pod, text: msg.result?.content ?? "" });
        }
      } finally {
        s.close();
      }
    };
    run().then(
      () => out.end(),
      (err: unknown) => (inner.signal.aborted ? out.end() : out.end(err)),
    );
    return {
      async *[Symbol.asyncIterator]() {
        try {
          yield* out;
        } finally {
          inner.abort();
        }
      },
    };
  }
}
