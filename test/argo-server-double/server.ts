/**
 * The Argo Server double: the Argo Server HTTP API (`/api/v1/...`, grpc-gateway
 * style JSON and errors) over the same store as the Kubernetes API double, so
 * the same scripted controller runs the workflows.
 */
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { selfSignedCert } from "../k8s-double/cert.js";
import type { Controller } from "../k8s-double/controller.js";
import { type FieldIssue, matchFields, matchLabels } from "../k8s-double/server.js";
import { type Obj, type Store, StoreError, type StoreEvent } from "../k8s-double/store.js";
import { workflowAction } from "./actions.js";

/** Options of {@link startArgoServerDouble}. */
export interface ArgoServerDoubleOptions {
  /** The store (share the Kubernetes double's to get its controller). */
  readonly store: Store;
  /** Accepted bearer tokens and their users. @default none: anonymous access */
  readonly tokens?: Readonly<Record<string, string>>;
  /** Users denied everything (403 PermissionDenied). @default [] */
  readonly forbiddenUsers?: readonly string[];
  /** Validates objects on create/update; issues become 400 InvalidArgument. @default none */
  readonly validate?: (obj: unknown) => readonly FieldIssue[];
  /**
   * The controller running the store's workflows: its `isWatched` also counts this server's open
   * workflow-events streams, so `startWhenWatched` holds a workflow until a client watches it here.
   * @default none
   */
  readonly controller?: Controller;
}

/** A running Argo Server double. */
export interface ArgoServerDouble {
  readonly httpUrl: string;
  readonly httpsUrl: string;
  readonly caPem: string;
  readonly requests: { method: string; path: string; authorization: string | undefined; body?: unknown }[];
  /** Cut the next workflow-events stream after this many events. */
  dropWatchAfterEventsOnce: number | undefined;
  close(): Promise<void>;
}

const GRPC: Record<number, number> = { 400: 3, 401: 16, 403: 7, 404: 5, 409: 6, 410: 9, 422: 3, 500: 13 };

function sendJson(res: http.ServerResponse, code: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(code, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(text) });
  res.end(text);
}

function sendError(res: http.ServerResponse, code: number, message: string): void {
  sendJson(res, code, { code: GRPC[code] ?? 2, message });
}

const KINDS: Record<string, { plural: string; field: string; kind: string; namespaced: boolean }> = {
  workflows: { plural: "workflows", field: "workflow", kind: "Workflow", namespaced: true },
  "workflow-templates": { plural: "workflowtemplates", field: "template", kind: "WorkflowTemplate", namespaced: true },
  "cluster-workflow-templates": {
    plural: "clusterworkflowtemplates",
    field: "template",
    kind: "ClusterWorkflowTemplate",
    namespaced: false,
  },
  "cron-workflows": { plural: "cronworkflows", field: "cronWorkflow", kind: "CronWorkflow", namespaced: true },
};

/**
 * Starts the Argo Server double on 127.0.0.1 (random ports), HTTP and HTTPS.
 *
 * @example
 * ```ts
 * const k8s = await startK8sDouble();
 * const argo = await startArgoServerDouble({ store: k8s.store, tokens: { secret: "alice" } });
 * ```
 */
export async function startArgoServerDouble(options: ArgoServerDoubleOptions): Promise<ArgoServerDouble> {
  const store = options.store;
  const requests: ArgoServerDouble["requests"] = [];
  const self = { dropWatchAfterEventsOnce: undefined as number | undefined };
  const watches = new Set<{ namespace: string; fieldSelector: string | undefined }>();
  if (options.controller) {
    const controller = options.controller;
    const elsewhere = controller.isWatched;
    controller.isWatched = (ns, name) =>
      elsewhere(ns, name) ||
      [...watches].some(
        (w) =>
          (!w.namespace || w.namespace === ns) && matchFields(w.fieldSelector, { metadata: { name, namespace: ns } }),
      );
  }

  const readBody = (req: http.IncomingMessage): Promise<Obj> =>
    new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        try {
          const t = Buffer.concat(chunks).toString("utf8");
          resolve(t ? (JSON.parse(t) as Obj) : {});
        } catch (e) {
          reject(new StoreError(400, "BadRequest", `invalid JSON body: ${(e as Error).message}`));
        }
      });
      req.on("error", reject);
    });

  const check = (obj: Obj): void => {
    const issues = options.validate?.(obj) ?? [];
    if (issues.length) throw new StoreError(400, "BadRequest", issues.map((i) => `${i.path}: ${i.message}`).join("; "));
  };

  const watchEvents = (req: http.IncomingMessage, res: http.ServerResponse, ns: string, q: URLSearchParams): void => {
    const fieldSelector = q.get("listOptions.fieldSelector") ?? undefined;
    const labelSelector = q.get("listOptions.labelSelector") ?? undefined;
    const rv = q.get("listOptions.resourceVersion");
    const matches = (evNs: string, o: Obj): boolean =>
      (!ns || evNs === ns) && matchFields(fieldSelector, o) && matchLabels(labelSelector, o.metadata?.labels);
    let backlog: StoreEvent[] = [];
    if (rv && rv !== "0") {
      try {
        backlog = store.since(Number(rv)).filter((e) => e.resource === "workflows");
      } catch (err) {
        res.writeHead(200, { "Content-Type": "application/json" });
        res.end(`${JSON.stringify({ error: { code: 9, message: (err as Error).message, http_code: 410 } })}\n`);
        return;
      }
    }
    res.writeHead(200, { "Content-Type": "application/json", "Transfer-Encoding": "chunked" });
    res.flushHeaders();
    let sent = 0;
    const dropAfter = self.dropWatchAfterEventsOnce;
    self.dropWatchAfterEventsOnce = undefined;
    let closed = false;
    const entry = { namespace: ns, fieldSelector };
    const close = (): void => {
      closed = true;
      watches.delete(entry);
      store.events.off("change", onChange);
    };
    const write = (type: string, object: Obj): void => {
      if (closed) return;
      res.write(`${JSON.stringify({ result: { type, object } })}\n`);
      if (dropAfter !== undefined && ++sent >= dropAfter) {
        close();
        res.socket?.destroy();
      }
    };
    const onChange = (ev: StoreEvent): void => {
      if (ev.resource === "workflows" && matches(ev.namespace, ev.object)) write(ev.type, ev.object);
    };
    if (!rv || rv === "0") {
      for (const o of store.list("workflows", ns || undefined)) if (matches(o.metadata.namespace, o)) write("ADDED", o);
    } else {
      for (const ev of backlog) if (matches(ev.namespace, ev.object)) write(ev.type, ev.object);
    }
    if (closed) return;
    store.events.on("change", onChange);
    watches.add(entry);
    req.on("close", close);
    res.on("close", close);
  };

  const workflowLogs = (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    ns: string,
    name: string,
    q: URLSearchParams,
  ): void => {
    store.get("workflows", ns, name);
    const follow = q.get("logOptions.follow") === "true";
    const tail = q.get("logOptions.tailLines") === null ? undefined : Number(q.get("logOptions.tailLines"));
    const onlyPod = q.get("podName") || undefined;
    res.writeHead(200, { "Content-Type": "application/json", "Transfer-Encoding": "chunked" });
    const written = new Map<string, number>();
    // pods in the order the controller started their nodes
    const order = (pod: Obj): number => {
      try {
        return Object.keys(store.get("workflows", ns, name).status?.nodes ?? {}).indexOf(
          pod.metadata.annotations?.["workflows.argoproj.io/node-id"],
        );
      } catch {
        return 0;
      }
    };
    let ended = false;
    const pass = (): boolean => {
      const pods = store
        .list("pods", ns)
        .filter(
          (p) =>
            p.metadata.labels?.["workflows.argoproj.io/workflow"] === name && (!onlyPod || p.metadata.name === onlyPod),
        )
        .sort((a, b) => order(a) - order(b));
      let allDone = true;
      for (const p of pods) {
        const l = store.log(ns, p.metadata.name);
        let n = written.get(p.metadata.name) ?? (tail === undefined ? 0 : Math.max(0, l.lines.length - tail));
        for (; n < l.lines.length; n++)
          res.write(`${JSON.stringify({ result: { podName: p.metadata.name, content: l.lines[n] } })}\n`);
        written.set(p.metadata.name, n);
        if (!l.done) allDone = false;
      }
      let wfDone = true;
      try {
        wfDone = store.get("workflows", ns, name).metadata.labels?.["workflows.argoproj.io/completed"] === "true";
      } catch {
        wfDone = true;
      }
      return allDone && wfDone;
    };
    const finish = (): void => {
      if (ended) return;
      ended = true;
      store.events.off("change", onAny);
      res.end();
    };
    const onAny = (): void => {
      if (pass()) finish();
    };
    if (pass() || !follow) {
      finish();
      return;
    }
    store.events.on("change", onAny);
    const poll = setInterval(() => (ended ? clearInterval(poll) : onAny()), 20);
    req.on("close", () => {
      clearInterval(poll);
      finish();
    });
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? "/", "http://x");
    const q = url.searchParams;
    const recorded: ArgoServerDouble["requests"][number] = {
      method: req.method ?? "GET",
      path: url.pathname,
      authorization: req.headers.authorization,
    };
    requests.push(recorded);
    let user = "anonymous";
    if (options.tokens) {
      const m = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? "");
      const u = m ? options.tokens[(m[1] ?? "").trim()] : undefined;
      if (!u) return sendError(res, 401, "token not valid. see https://argo-workflows.readthedocs.io/en/latest/faq/");
      user = u;
    }
    if (options.forbiddenUsers?.includes(user)) {
      return sendError(res, 403, `Permission denied, user "${user}" is not allowed to ${req.method} ${url.pathname}`);
    }
    const parts = url.pathname.split("/").filter(Boolean).map(decodeURIComponent);
    if (parts[0] !== "api" || parts[1] !== "v1") return sendError(res, 404, `Not Found`);
    try {
      if (parts[2] === "workflow-events" && req.method === "GET") return watchEvents(req, res, parts[3] ?? "", q);
      if (parts[2] === "version" && req.method === "GET")
        return sendJson(res, 200, {
          version: "v4.1.0",
          buildDate: "2026-10-01T00:00:00Z",
          gitCommit: "0000000",
          platform: "linux/amd64",
        });
      const k = KINDS[parts[2] ?? ""];
      if (!k) return sendError(res, 404, "Not Found");
      const ns = k.namespaced ? (parts[3] ?? "") : "";
      const rest = parts.slice(k.namespaced ? 4 : 3);
      const name = rest[0];
      if (k.plural === "workflows" && name && rest[1] === "log" && req.method === "GET")
        return workflowLogs(req, res, ns, name, q);
      if (name && rest.length === 2 && req.method === "PUT") {
        const body = await readBody(req);
        recorded.body = body;
        return sendJson(res, 200, workflowAction(store, k.plural, ns, name, rest[1] ?? "", body));
      }
      if (rest.length > 1) return sendError(res, 404, "Not Found");
      if (req.method === "GET" && !name) {
        const items = store
          .list(k.plural, k.namespaced ? ns || undefined : undefined)
          .filter(
            (o) =>
              matchFields(q.get("listOptions.fieldSelector") ?? undefined, o) &&
              matchLabels(q.get("listOptions.labelSelector") ?? undefined, o.metadata?.labels),
          );
        return sendJson(res, 200, {
          metadata: { resourceVersion: String(store.resourceVersion) },
          items: items.length ? items : null,
        });
      }
      if (req.method === "GET" && name) return sendJson(res, 200, store.get(k.plural, ns, name));
      if (req.method === "DELETE" && name) {
        store.delete(k.plural, ns, name);
        return sendJson(res, 200, {});
      }
      const body = await readBody(req);
      const obj = body[k.field] as Obj | undefined;
      if (!obj || typeof obj !== "object") return sendError(res, 400, `${k.field} is required`);
      obj.apiVersion ??= "argoproj.io/v1alpha1";
      obj.kind ??= k.kind;
      check(obj);
      const dry = body.serverDryRun === true || (body.createOptions?.dryRun ?? []).includes("All");
      if (req.method === "POST" && !name) return sendJson(res, 200, store.create(k.plural, ns, obj, dry));
      if (req.method === "PUT" && name)
        return sendJson(res, 200, store.update(k.plural, ns, name, obj, { dryRun: dry }));
      return sendError(res, 405, "Method Not Allowed");
    } catch (err) {
      if (err instanceof StoreError) {
        const msg =
          err.code === 404 || err.code === 409 ? err.message.replace(/^(\w+) "/, '$1.argoproj.io "') : err.message;
        return sendError(res, err.code === 422 ? 400 : err.code, msg);
      }
      return sendError(res, 500, (err as Error).message);
    }
  };

  const handler = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) sendError(res, 500, String(err));
      else res.destroy();
    });
  };
  const { cert, key } = selfSignedCert("argo-server-double");
  const httpServer = http.createServer(handler);
  const httpsServer = https.createServer({ cert, key }, handler);
  const listen = (s: http.Server): Promise<number> =>
    new Promise((resolve) => s.listen(0, "127.0.0.1", () => resolve((s.address() as AddressInfo).port)));
  const [httpPort, httpsPort] = await Promise.all([listen(httpServer), listen(httpsServer)]);
  return Object.assign(self, {
    httpUrl: `http://127.0.0.1:${httpPort}`,
    httpsUrl: `https://127.0.0.1:${httpsPort}`,
    caPem: cert,
    requests,
    async close() {
      for (const s of [httpServer, httpsServer]) s.closeAllConnections();
      await Promise.all([httpServer, httpsServer].map((s) => new Promise((r) => s.close(r))));
    },
  });
}
