/**
 * Argo Server mode: talks to the Argo Server HTTP API (`/api/v1/...`) with a bearer token, like
 * `argo --argo-server`. Useful when users have no Kubernetes credentials, only an Argo Server URL and token.
 */
import fs from "node:fs";
import http from "node:http";
import https from "node:https";
import { type ErrorContext, httpError, transportError } from "../error-mapping.js";
import { ClusterError } from "../errors.js";
import { type HttpTarget, request } from "../http-request.js";
import { type Connection, errorContext, inNamespace, listContext, objectContext } from "../operation.js";
import type { RawRequest } from "../raw-request.js";
import { safeUrl } from "../redact.js";
import type { WatchSource } from "../resilient-watch.js";
import { ARGO_GROUP, type ArgoKind, resourceFor } from "../resources.js";
import { type Expectation, expectShape } from "../response-shape.js";
import { type KubeObject, objectLabel, type Workflow } from "../types.js";
import { watchTiming } from "../watch-timing.js";
import type {
  CreateOptions,
  ListOptions,
  LogLine,
  LogsOptions,
  WatchWorkflowOptions,
  WorkflowClient,
} from "../workflow-client.js";
import { workflowUpdates } from "../workflow-updates.js";
import { workflowLogs } from "./logs.js";
import { consumeWorkflowEvents } from "./watch-stream.js";

/**
 * Options for {@link connectArgoServer}.
 *
 * @example
 * ```ts
 * await connectArgoServer({ server: "https://argo.example.com", token: process.env.ARGO_TOKEN });
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
  /**
   * Each watch asks the server to end it after this long (`listOptions.timeoutSeconds`) and is abandoned
   * when it has sent nothing for 1.5 times as long; it then resumes from the last resourceVersion. @default 60000
   */
  readonly watchTimeoutMs?: number;
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

function agentFor(baseUrl: string, options: ArgoServerConnectOptions): http.Agent {
  if (baseUrl.startsWith("http:")) return new http.Agent({ keepAlive: false });
  let ca: Buffer | undefined;
  if (options.caFile) {
    try {
      ca = fs.readFileSync(options.caFile);
    } catch (err) {
      throw new ClusterError("ConfigError", `reading --ca-file ${options.caFile} failed: ${(err as Error).message}`, {
        cause: err,
      });
    }
  }
  return new https.Agent({ rejectUnauthorized: !options.insecureSkipTlsVerify, ...(ca ? { ca } : {}) });
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
  const headers: Record<string, string> = {};
  const token = options.token?.trim();
  if (token) headers.Authorization = /^(bearer|basic)\s/i.test(token) ? token : `Bearer ${token}`;
  const namespace = options.namespace ?? process.env.ARGO_NAMESPACE ?? "default";
  return new ArgoServerWorkflowClient(
    { baseUrl, agent: agentFor(baseUrl, options), headers },
    namespace,
    options.requestTimeoutMs ?? 30_000,
    options.watchTimeoutMs ?? 60_000,
  );
}

type Page = { readonly items?: KubeObject[] | null; readonly metadata?: { readonly resourceVersion?: string } };

class ArgoServerWorkflowClient implements WorkflowClient {
  readonly mode = "argo-server" as const;
  readonly server: string;
  private readonly conn: Connection;

  constructor(
    private readonly target: HttpTarget,
    readonly namespace: string,
    private readonly timeoutMs: number,
    private readonly watchTimeoutMs: number,
  ) {
    this.server = safeUrl(target.baseUrl);
    this.conn = {
      server: this.server,
      credentials: "the Argo Server token (--token or ARGO_TOKEN)",
      address: "--argo-server (or ARGO_SERVER)",
    };
  }

  /** Sends one request and checks its answer has the `expect`ed shape (by default: any JSON). */
  private async send<T>(
    ctx: ErrorContext,
    path: string,
    method = "GET",
    body?: unknown,
    expect: Expectation = { shape: "any-json" },
  ): Promise<T> {
    let res: Awaited<ReturnType<typeof request>>;
    try {
      res = await request(this.target, path, { method, body, timeoutMs: this.timeoutMs });
    } catch (err) {
      throw transportError(err, ctx);
    }
    if (res.status < 200 || res.status > 299) throw httpError(res.status, res.body, ctx);
    return expectShape<T>(res, ctx, this.target.baseUrl + path, expect);
  }

  async create<T extends KubeObject = KubeObject>(manifest: KubeObject, options: CreateOptions = {}): Promise<T> {
    const res = resourceFor(String(manifest.kind ?? "Workflow"));
    const ns = manifest.metadata?.namespace ?? this.namespace;
    const dry = options.dryRun === "server";
    const ctx = objectContext(this.conn, dry ? "validate" : "create", res, objectLabel(manifest), ns);
    const body: Record<string, unknown> = {
      [PATHS[res.kind].field]: inNamespace(res, manifest, ns),
      ...(res.namespaced ? { namespace: ns } : {}),
    };
    // The Argo Server decodes the object into its Go types (dropping unknown fields) before the
    // Kubernetes API sees it, so the client's strict check is what rejects them; fieldValidation
    // is passed on in createOptions for servers that forward it.
    body.createOptions = { fieldValidation: options.fieldValidation ?? "Strict", ...(dry ? { dryRun: ["All"] } : {}) };
    if (dry && res.kind === "Workflow") body.serverDryRun = true;
    const name = manifest.metadata?.name;
    return this.send(ctx, PATHS[res.kind].collection(ns), "POST", body, {
      shape: "object",
      kind: res.kind,
      kindOptional: true,
      ...(name ? { name } : {}),
    });
  }

  async get<T extends KubeObject = KubeObject>(kind: ArgoKind, name: string, namespace?: string): Promise<T> {
    const res = resourceFor(kind);
    const ns = namespace ?? this.namespace;
    return this.send(
      objectContext(this.conn, "get", res, name, ns),
      `${PATHS[res.kind].collection(ns)}/${encodeURIComponent(name)}`,
      "GET",
      undefined,
      { shape: "object", kind: res.kind, kindOptional: true, name },
    );
  }

  private async listPage(kind: ArgoKind, options: ListOptions): Promise<Page> {
    const res = resourceFor(kind);
    const ns = options.allNamespaces ? "" : this.namespace;
    const q = new URLSearchParams();
    if (options.labelSelector) q.set("listOptions.labelSelector", options.labelSelector);
    if (options.fieldSelector) q.set("listOptions.fieldSelector", options.fieldSelector);
    const qs = q.toString();
    return this.send(
      listContext(this.conn, res, ns || undefined),
      `${PATHS[res.kind].collection(ns)}${qs ? `?${qs}` : ""}`,
      "GET",
      undefined,
      { shape: "list", kind: res.kind, itemsOptional: true },
    );
  }

  async list<T extends KubeObject = KubeObject>(kind: ArgoKind, options: ListOptions = {}): Promise<T[]> {
    return ((await this.listPage(kind, options)).items ?? []) as T[];
  }

  async update<T extends KubeObject = KubeObject>(manifest: KubeObject): Promise<T> {
    const res = resourceFor(String(manifest.kind));
    if (res.kind === "Workflow") {
      throw new ClusterError("BadRequest", "the Argo Server cannot replace a Workflow; delete it and submit again");
    }
    const name = manifest.metadata?.name ?? "";
    const ns = manifest.metadata?.namespace ?? this.namespace;
    const paths = PATHS[res.kind];
    const body = { [paths.field]: inNamespace(res, manifest, ns), name, ...(res.namespaced ? { namespace: ns } : {}) };
    return this.send(
      objectContext(this.conn, "update", res, name, ns),
      `${paths.collection(ns)}/${encodeURIComponent(name)}`,
      "PUT",
      body,
      { shape: "object", kind: res.kind, kindOptional: true, name },
    );
  }

  async delete(kind: ArgoKind, name: string, namespace?: string): Promise<void> {
    const res = resourceFor(kind);
    const ns = namespace ?? this.namespace;
    await this.send(
      objectContext(this.conn, "delete", res, name, ns),
      `${PATHS[res.kind].collection(ns)}/${encodeURIComponent(name)}`,
      "DELETE",
    );
  }

  raw<T = unknown>(req: RawRequest): Promise<T> {
    return this.send(
      errorContext(this.conn, req.action, req.permission, req.namespace),
      req.path,
      req.method,
      req.body,
      req.expect,
    );
  }

  watchWorkflow(name: string, options: WatchWorkflowOptions = {}): AsyncIterable<Workflow> {
    const ns = this.namespace;
    const fieldSelector = `metadata.name=${name}`;
    const ctx = errorContext(
      this.conn,
      `watching Workflow "${name}" in namespace "${ns}"`,
      `watch workflows.${ARGO_GROUP}`,
      ns,
    );
    const source: WatchSource<Workflow> = {
      list: async () => {
        const out = await this.listPage("Workflow", { fieldSelector });
        return { items: (out.items ?? []) as Workflow[], resourceVersion: out.metadata?.resourceVersion ?? "0" };
      },
      watch: async (rv, signal, onEvent) => {
        const timing = watchTiming(this.watchTimeoutMs);
        const q = new URLSearchParams({
          "listOptions.fieldSelector": fieldSelector,
          "listOptions.resourceVersion": rv,
        });
        if (timing.timeoutSeconds) q.set("listOptions.timeoutSeconds", String(timing.timeoutSeconds));
        const path = `/api/v1/workflow-events/${encodeURIComponent(ns)}?${q}`;
        await consumeWorkflowEvents(
          this.target,
          path,
          { ctx, signal, connectTimeoutMs: this.timeoutMs, idleTimeoutMs: timing.idleMs },
          onEvent,
        );
      },
    };
    return workflowUpdates(name, source, options, ctx);
  }

  logs(name: string, options: LogsOptions = {}): AsyncIterable<LogLine> {
    const ns = this.namespace;
    return workflowLogs(
      {
        target: this.target,
        namespace: ns,
        timeoutMs: this.timeoutMs,
        ctx: errorContext(this.conn, `reading the logs of Workflow "${name}" in namespace "${ns}"`, "get pods/log", ns),
        getWorkflow: (n) => this.get<Workflow>("Workflow", n),
      },
      name,
      options,
    );
  }
}
