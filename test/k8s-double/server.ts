/**
 * The Kubernetes API double: a real HTTP and HTTPS server on 127.0.0.1 that
 * serves discovery, OpenAPI v3, CRUD + watch + patch of the Argo kinds and
 * pods, pod logs (with follow), `Status` errors, bearer-token auth with
 * forbid rules, body validation, and fault injection.
 */
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { selfSignedCert } from "./cert.js";
import { Controller, type ControllerOptions } from "./controller.js";
import { applyFieldValidation, type FieldValidation, fieldValidationOf, warningHeader } from "./field-validation.js";
import { openApiDoc, openApiIndex } from "./openapi.js";
import { type DoubleResource, RESOURCES, resourceList } from "./resources.js";
import { type Obj, Store, StoreError, type StoreEvent } from "./store.js";

/** A field problem found by a validator. */
export interface FieldIssue {
  readonly path: string;
  readonly message: string;
}

/** Denies `verbs` on `resources` (plural names) to `user`; unset fields match everything. */
export interface ForbidRule {
  readonly user?: string;
  readonly verbs?: readonly string[];
  readonly resources?: readonly string[];
  readonly namespaces?: readonly string[];
}

/** Options of {@link startK8sDouble}. */
export interface K8sDoubleOptions {
  /** Accepted bearer tokens and the user each one authenticates. @default none: every request is anonymous and allowed */
  readonly tokens?: Readonly<Record<string, string>>;
  /** Requests denied with 403. @default [] */
  readonly forbid?: readonly ForbidRule[];
  /** Validates Argo objects on create/update; issues become a 422 Invalid. @default no validation */
  readonly validate?: (obj: unknown) => readonly FieldIssue[];
  /** Extra `Warning` headers for a create/update of `obj` (e.g. deprecations). @default none */
  readonly warn?: (obj: Obj) => readonly string[];
  /** Controller options. @default {} */
  readonly controller?: ControllerOptions;
  /** Store to share (e.g. with the Argo Server double). @default a new store */
  readonly store?: Store;
}

/** Faults the tests can inject; each `...Once` fault fires once then clears. */
export interface Faults {
  /** Delay added to every non-watch response, in ms. */
  delayMs: number;
  /** Only delay requests whose path matches. @default all */
  delayPath?: RegExp;
  /** Cut the next watch connection after it sent this many events. */
  dropWatchAfterEventsOnce?: number;
  /** After the next watch sent this many events: compact the history and cut it (its resume gets 410). */
  goneAfterEventsOnce?: number;
  /** The next create (not a dry run) of this resource (plural) fails with a 500, as a timed-out etcd write. */
  failCreateOnce?: string;
}

/** One request, as recorded by the double. */
export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly user: string;
  readonly authorization: string | undefined;
  /** Content type and parsed JSON body of a request that sent one. */
  contentType?: string;
  body?: unknown;
  /** The body as sent (JSON.parse rounds integers past 2^53; this keeps their digits). */
  text?: string;
}

/** A running double. */
export interface K8sDouble {
  readonly httpUrl: string;
  readonly httpsUrl: string;
  /** PEM of the self-signed certificate (it is its own CA). */
  readonly caPem: string;
  readonly store: Store;
  readonly controller: Controller;
  readonly faults: Faults;
  readonly requests: RecordedRequest[];
  /** Closes both servers and every open connection. */
  close(): Promise<void>;
}

function status(code: number, reason: string, message: string, details?: Obj): Obj {
  return {
    kind: "Status",
    apiVersion: "v1",
    metadata: {},
    status: "Failure",
    message,
    reason,
    ...(details ? { details } : {}),
    code,
  };
}

function send(res: http.ServerResponse, code: number, body: unknown, warnings: readonly string[] = []): void {
  const text = JSON.stringify(body);
  if (warnings.length) res.setHeader("Warning", warnings.map(warningHeader));
  res.writeHead(code, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(text) });
  res.end(text);
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** `a=b,c!=d,e` label selector matching. */
export function matchLabels(selector: string | undefined, labels: Record<string, string> | undefined): boolean {
  if (!selector) return true;
  const l = labels ?? {};
  return selector.split(",").every((term) => {
    const t = term.trim();
    if (!t) return true;
    let m: RegExpExecArray | null;
    if ((m = /^([^!=\s]+)\s*!=\s*(.*)$/.exec(t))) return l[m[1] ?? ""] !== m[2];
    if ((m = /^([^!=\s]+)\s*==?\s*(.*)$/.exec(t))) return l[m[1] ?? ""] === m[2];
    if ((m = /^([^\s]+)\s+in\s+\((.*)\)$/.exec(t)))
      return (m[2] ?? "")
        .split(",")
        .map((s) => s.trim())
        .includes(l[m[1] ?? ""] ?? "\0");
    if ((m = /^([^\s]+)\s+notin\s+\((.*)\)$/.exec(t)))
      return !(m[2] ?? "")
        .split(",")
        .map((s) => s.trim())
        .includes(l[m[1] ?? ""] ?? "\0");
    if (t.startsWith("!")) return !(t.slice(1) in l);
    return t in l;
  });
}

/** `metadata.name=x,status.phase!=Running` field selector matching (dotted paths). */
export function matchFields(selector: string | undefined, obj: Obj): boolean {
  if (!selector) return true;
  return selector.split(",").every((term) => {
    const m = /^([\w.]+)\s*(!=|==|=)\s*(.*)$/.exec(term.trim());
    if (!m) return true;
    const v = (m[1] ?? "")
      .split(".")
      .reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Obj)[k] : undefined), obj);
    const s = v === undefined || v === null ? "" : String(v);
    return m[2] === "!=" ? s !== m[3] : s === m[3];
  });
}

/** RFC 7386 JSON merge patch. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!patch || typeof patch !== "object" || Array.isArray(patch)) return patch;
  const out: Obj = target && typeof target === "object" && !Array.isArray(target) ? { ...(target as Obj) } : {};
  for (const [k, v] of Object.entries(patch as Obj)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

/** RFC 6902 JSON patch (add, remove, replace, test, copy, move). */
export function jsonPatch(doc: Obj, ops: readonly Obj[]): Obj {
  const out = structuredClone(doc);
  const ptr = (p: string): string[] =>
    p
      .split("/")
      .slice(1)
      .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
  const parentOf = (parts: string[]): [Obj, string] => {
    let cur: Obj = out;
    for (const k of parts.slice(0, -1)) {
      if (cur[k] === undefined) throw new StoreError(422, "Invalid", `jsonpatch: missing path element ${k}`);
      cur = cur[k];
    }
    return [cur, parts[parts.length - 1] ?? ""];
  };
  const get = (p: string): unknown => ptr(p).reduce<unknown>((o, k) => (o as Obj)?.[k], out);
  for (const op of ops) {
    const parts = ptr(String(op.path));
    const [parent, key] = parentOf(parts);
    switch (op.op) {
      case "add":
        if (Array.isArray(parent)) parent.splice(key === "-" ? parent.length : Number(key), 0, op.value);
        else parent[key] = op.value;
        break;
      case "replace":
        if (parent[key] === undefined)
          throw new StoreError(422, "Invalid", `jsonpatch replace: missing value at ${op.path}`);
        parent[key] = op.value;
        break;
      case "remove":
        if (Array.isArray(parent)) parent.splice(Number(key), 1);
        else delete parent[key];
        break;
      case "test":
        if (JSON.stringify(get(String(op.path))) !== JSON.stringify(op.value))
          throw new StoreError(422, "Invalid", `jsonpatch test failed at ${op.path}`);
        break;
      case "copy":
      case "move": {
        const v = structuredClone(get(String(op.from)));
        if (op.op === "move") {
          const [fp, fk] = parentOf(ptr(String(op.from)));
          if (Array.isArray(fp)) fp.splice(Number(fk), 1);
          else delete fp[fk];
        }
        parent[key] = v;
        break;
      }
      default:
        throw new StoreError(400, "BadRequest", `unknown json patch op ${String(op.op)}`);
    }
  }
  return out;
}

interface Route {
  readonly resource: DoubleResource;
  readonly namespace: string | undefined;
  readonly name: string | undefined;
  readonly sub: string | undefined;
}

function route(pathname: string): Route | undefined {
  const parts = pathname.split("/").filter(Boolean).map(decodeURIComponent);
  let group = "";
  let version: string;
  let rest: string[];
  if (parts[0] === "api" && parts.length >= 3) {
    version = parts[1] ?? "";
    rest = parts.slice(2);
  } else if (parts[0] === "apis" && parts.length >= 4) {
    group = parts[1] ?? "";
    version = parts[2] ?? "";
    rest = parts.slice(3);
  } else return undefined;
  let namespace: string | undefined;
  if (rest[0] === "namespaces" && rest.length >= 3) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  const resource = RESOURCES.find((r) => r.group === group && r.version === version && r.plural === rest[0]);
  if (!resource || rest.length > 3) return undefined;
  if (resource.namespaced === false && namespace !== undefined) return undefined;
  return { resource, namespace, name: rest[1], sub: rest[2] };
}

function gr(r: DoubleResource): string {
  return r.group ? `${r.plural}.${r.group}` : r.plural;
}

/**
 * Starts the double on 127.0.0.1 (random ports), over HTTP and HTTPS.
 *
 * @example
 * ```ts
 * const k8s = await startK8sDouble({ tokens: { "t0ken": "alice" } });
 * // ... point a kubeconfig at k8s.httpsUrl with certificate-authority-data = k8s.caPem
 * await k8s.close();
 * ```
 */
export async function startK8sDouble(options: K8sDoubleOptions = {}): Promise<K8sDouble> {
  const store = options.store ?? new Store();
  const controller = new Controller(store, options.controller);
  const faults: Faults = { delayMs: 0 };
  const requests: RecordedRequest[] = [];
  const watches = new Set<{ resource: string; namespace: string | undefined; fieldSelector: string | undefined }>();
  controller.isWatched = (ns, name) =>
    [...watches].some(
      (w) =>
        w.resource === "workflows" &&
        (w.namespace === undefined || w.namespace === ns) &&
        matchFields(w.fieldSelector, { metadata: { name, namespace: ns } }),
    );

  const authenticate = (req: http.IncomingMessage): string | undefined => {
    if (!options.tokens) return "system:anonymous";
    const h = req.headers.authorization ?? "";
    const m = /^Bearer\s+(.+)$/i.exec(h);
    return m ? options.tokens[(m[1] ?? "").trim()] : undefined;
  };

  const forbidden = (user: string, verb: string, r: DoubleResource, ns: string | undefined): boolean =>
    (options.forbid ?? []).some(
      (rule) =>
        (!rule.user || rule.user === user) &&
        (!rule.verbs || rule.verbs.includes(verb)) &&
        (!rule.resources || rule.resources.includes(r.plural) || rule.resources.includes(gr(r))) &&
        (!rule.namespaces || (ns !== undefined && rule.namespaces.includes(ns))),
    );

  /** Validates `obj` (dropping unknown fields unless Strict); returns the warnings to send. */
  const validate = (r: DoubleResource, obj: Obj, mode: FieldValidation): string[] => {
    if (!r.group) return [];
    if (obj.kind !== r.kind || obj.apiVersion !== `${r.group}/${r.version}`) {
      throw new StoreError(
        400,
        "BadRequest",
        `the API version in the data (${obj.apiVersion}) does not match the expected API version (${r.group}/${r.version}) or kind ${obj.kind} is not ${r.kind}`,
      );
    }
    // kinds without a schema (Argo Events' CRDs preserve unknown fields) are stored as sent
    const issues0 = r.crd ? (options.validate?.(obj) ?? []) : [];
    const checked = applyFieldValidation(r.kind, r.version, obj, issues0, mode);
    const issues = checked.invalid;
    if (issues.length > 0) {
      const name = obj.metadata?.name ?? obj.metadata?.generateName ?? "";
      throw new StoreError(
        422,
        "Invalid",
        `${r.kind}.${r.group} "${name}" is invalid: ${issues.length > 1 ? "[" : ""}${issues.map((i) => `${i.path}: ${i.message}`).join(", ")}${issues.length > 1 ? "]" : ""}`,
        {
          name,
          group: r.group,
          kind: r.kind,
          causes: issues.map((i) => ({ reason: "FieldValueInvalid", message: i.message, field: i.path })),
        },
      );
    }
    return [...checked.warnings, ...(options.warn?.(obj) ?? [])];
  };

  const handleWatch = (req: http.IncomingMessage, res: http.ServerResponse, rt: Route, q: URLSearchParams): void => {
    const r = rt.resource;
    const fieldSelector = q.get("fieldSelector") ?? undefined;
    const labelSelector = q.get("labelSelector") ?? undefined;
    const matches = (ns: string, o: Obj): boolean =>
      (rt.namespace === undefined || ns === rt.namespace) &&
      matchFields(fieldSelector, o) &&
      matchLabels(labelSelector, o.metadata?.labels);
    const rv = q.get("resourceVersion");
    let backlog: StoreEvent[] = [];
    if (rv && rv !== "0") {
      try {
        backlog = store.since(Number(rv)).filter((e) => e.resource === r.plural);
      } catch (err) {
        if (err instanceof StoreError && err.code === 410) {
          res.writeHead(200, { "Content-Type": "application/json" });
          res.end(`${JSON.stringify({ type: "ERROR", object: status(410, "Expired", err.message) })}\n`);
          return;
        }
        throw err;
      }
    }
    res.writeHead(200, { "Content-Type": "application/json", "Transfer-Encoding": "chunked" });
    res.flushHeaders();
    const entry = { resource: r.plural, namespace: rt.namespace, fieldSelector };
    let sent = 0;
    const dropAfter = faults.dropWatchAfterEventsOnce;
    const goneAfter = faults.goneAfterEventsOnce;
    if (dropAfter !== undefined) faults.dropWatchAfterEventsOnce = undefined;
    if (goneAfter !== undefined) faults.goneAfterEventsOnce = undefined;
    let closed = false;
    const close = (): void => {
      if (closed) return;
      closed = true;
      watches.delete(entry);
      store.events.off("change", onChange);
      if (timer) clearTimeout(timer);
    };
    const write = (type: string, object: Obj): void => {
      if (closed) return;
      res.write(`${JSON.stringify({ type, object })}\n`);
      sent++;
      if (dropAfter !== undefined && sent >= dropAfter) {
        close();
        res.socket?.destroy();
      } else if (goneAfter !== undefined && sent >= goneAfter) {
        close();
        store.compact();
        res.socket?.destroy();
      }
    };
    const onChange = (ev: StoreEvent): void => {
      if (ev.resource === r.plural && matches(ev.namespace, ev.object)) write(ev.type, ev.object);
    };
    if (!rv || rv === "0") {
      for (const o of store.list(r.plural, rt.namespace)) if (matches(o.metadata.namespace ?? "", o)) write("ADDED", o);
    } else {
      for (const ev of backlog) if (matches(ev.namespace, ev.object)) write(ev.type, ev.object);
    }
    if (closed) return;
    store.events.on("change", onChange);
    watches.add(entry);
    const timeoutSeconds = Number(q.get("timeoutSeconds") ?? 0);
    const timer =
      timeoutSeconds > 0
        ? setTimeout(() => {
            close();
            res.end();
          }, timeoutSeconds * 1000)
        : undefined;
    req.on("close", close);
    res.on("close", close);
  };

  const handleLog = (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    ns: string,
    name: string,
    q: URLSearchParams,
  ): void => {
    const pod = store.get("pods", ns, name);
    const containers: string[] = (pod.spec?.containers ?? []).map((c: Obj) => c.name);
    const container = q.get("container") ?? "";
    if (!container && containers.length > 1) {
      throw new StoreError(
        400,
        "BadRequest",
        `a container name must be specified for pod ${name}, choose one of: [${containers.join(" ")}]`,
      );
    }
    if (container && !containers.includes(container)) {
      throw new StoreError(400, "BadRequest", `container ${container} is not valid for pod ${name}`);
    }
    if (pod.status?.phase === "Pending") {
      throw new StoreError(
        400,
        "BadRequest",
        `container "${container || containers[0]}" in pod "${name}" is waiting to start: ContainerCreating`,
      );
    }
    const follow = q.get("follow") === "true";
    res.writeHead(200, { "Content-Type": "text/plain", "Transfer-Encoding": "chunked" });
    const key = `log:${ns}/${name}`;
    // the kubelet's window: sinceSeconds, tailLines (of what exists now), timestamps (RFC 3339, nanoseconds)
    const since = q.get("sinceSeconds") === null ? undefined : Date.now() - Number(q.get("sinceSeconds")) * 1000;
    const tail = q.get("tailLines") === null ? undefined : Number(q.get("tailLines"));
    const stamps = q.get("timestamps") === "true";
    const first = store.log(ns, name);
    let written = 0;
    if (since !== undefined) while (written < first.times.length && (first.times[written] ?? 0) < since) written++;
    if (tail !== undefined) written = Math.max(written, first.lines.length - tail);
    const flush = (): boolean => {
      const l = store.log(ns, name);
      for (; written < l.lines.length; written++) {
        const at = new Date(l.times[written] ?? 0)
          .toISOString()
          .replace(/\.(\d+)Z$/, (_m, ms: string) => `.${ms}000000Z`);
        res.write(`${stamps ? `${at} ` : ""}${l.lines[written]}\n`);
      }
      return l.done;
    };
    if (container === "wait") {
      res.end();
      return;
    }
    if (flush() || !follow) {
      res.end();
      return;
    }
    const onLog = (): void => {
      if (flush()) {
        store.events.off(key, onLog);
        res.end();
      }
    };
    store.events.on(key, onLog);
    req.on("close", () => store.events.off(key, onLog));
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? "/", "http://x");
    const q = url.searchParams;
    const user = authenticate(req);
    const recorded: RecordedRequest = {
      method: req.method ?? "GET",
      path: url.pathname,
      query: Object.fromEntries(q),
      user: user ?? "<unauthenticated>",
      authorization: req.headers.authorization,
    };
    requests.push(recorded);
    const isWatch = q.get("watch") === "true" || q.get("watch") === "1";
    if (faults.delayMs > 0 && !isWatch && (!faults.delayPath || faults.delayPath.test(url.pathname))) {
      await new Promise((r) => setTimeout(r, faults.delayMs));
    }
    if (user === undefined) return send(res, 401, status(401, "Unauthorized", "Unauthorized"));
    const p = url.pathname.replace(/\/+$/, "");
    // discovery, version, OpenAPI
    if (p === "/version")
      return send(res, 200, { major: "1", minor: "32", gitVersion: "v1.32.0", platform: "linux/amd64" });
    if (p === "/api")
      return send(res, 200, {
        kind: "APIVersions",
        versions: ["v1"],
        serverAddressByClientCIDRs: [{ clientCIDR: "0.0.0.0/0", serverAddress: req.headers.host ?? "" }],
      });
    if (p === "/apis") {
      const gv = { groupVersion: "argoproj.io/v1alpha1", version: "v1alpha1" };
      return send(res, 200, {
        kind: "APIGroupList",
        apiVersion: "v1",
        groups: [{ name: "argoproj.io", versions: [gv], preferredVersion: gv }],
      });
    }
    if (p === "/apis/argoproj.io") {
      const gv = { groupVersion: "argoproj.io/v1alpha1", version: "v1alpha1" };
      return send(res, 200, {
        kind: "APIGroup",
        apiVersion: "v1",
        name: "argoproj.io",
        versions: [gv],
        preferredVersion: gv,
      });
    }
    if (p === "/api/v1") return send(res, 200, resourceList("v1"));
    if (p === "/apis/argoproj.io/v1alpha1") return send(res, 200, resourceList("argoproj.io/v1alpha1"));
    if (p === "/openapi/v3") return send(res, 200, openApiIndex());
    if (p.startsWith("/openapi/v3/")) {
      const doc = openApiDoc(p.slice("/openapi/v3/".length));
      if (doc) return send(res, 200, doc);
    }
    const rt = route(p);
    if (!rt) return send(res, 404, status(404, "NotFound", "the server could not find the requested resource", {}));
    const r = rt.resource;
    const ns = r.namespaced ? rt.namespace : "";
    const method = req.method ?? "GET";
    const verb =
      rt.sub === "log"
        ? "get"
        : method === "GET"
          ? isWatch
            ? "watch"
            : rt.name
              ? "get"
              : "list"
          : ((
              {
                POST: "create",
                PUT: "update",
                PATCH: "patch",
                DELETE: rt.name ? "delete" : "deletecollection",
              } as Record<string, string>
            )[method] ?? method.toLowerCase());
    if (forbidden(user, verb, r, rt.namespace)) {
      const res2 = rt.sub === "log" ? "pods/log" : r.plural;
      return send(
        res,
        403,
        status(
          403,
          "Forbidden",
          `${gr(r)}${rt.name ? ` "${rt.name}"` : ""} is forbidden: User "${user}" cannot ${verb} resource "${res2}" in API group "${r.group}"${rt.namespace !== undefined ? ` in the namespace "${rt.namespace}"` : " at the cluster scope"}`,
          { ...(rt.name ? { name: rt.name } : {}), group: r.group, kind: r.plural },
        ),
      );
    }
    const dryRun = q.get("dryRun");
    if (dryRun && dryRun !== "All")
      return send(res, 400, status(400, "BadRequest", `invalid dry run option: ${dryRun}`));
    try {
      if (rt.sub === "log" && r.plural === "pods" && method === "GET" && rt.name && ns)
        return handleLog(req, res, ns, rt.name, q);
      if (rt.sub)
        return send(res, 404, status(404, "NotFound", "the server could not find the requested resource", {}));
      if (method === "GET" && isWatch && !rt.name) return handleWatch(req, res, rt, q);
      if (method === "GET" && rt.name) return send(res, 200, store.get(r.plural, ns ?? "", rt.name));
      if (method === "GET") {
        const items = store
          .list(r.plural, rt.namespace)
          .filter(
            (o) =>
              matchFields(q.get("fieldSelector") ?? undefined, o) &&
              matchLabels(q.get("labelSelector") ?? undefined, o.metadata?.labels),
          );
        return send(res, 200, {
          apiVersion: r.group ? `${r.group}/${r.version}` : r.version,
          kind: `${r.kind}List`,
          metadata: { resourceVersion: String(store.resourceVersion) },
          items,
        });
      }
      const text = method === "DELETE" ? "" : await readBody(req);
      let body: Obj = {};
      if (text) {
        try {
          body = JSON.parse(text) as Obj;
          recorded.body = structuredClone(body);
          recorded.text = text;
          recorded.contentType = (req.headers["content-type"] ?? "").split(";")[0]?.trim() ?? "";
        } catch {
          return send(
            res,
            400,
            status(
              400,
              "BadRequest",
              "the body of the request was in an unknown format - accepted media types include: application/json, application/yaml",
            ),
          );
        }
      }
      if (method === "POST" && !rt.name) {
        const metaNs = body.metadata?.namespace;
        if (r.namespaced && metaNs && metaNs !== ns) {
          return send(
            res,
            400,
            status(
              400,
              "BadRequest",
              `the namespace of the provided object does not match the namespace sent on the request`,
            ),
          );
        }
        const warnings = validate(r, body, fieldValidationOf(q.get("fieldValidation")));
        if (faults.failCreateOnce === r.plural && dryRun !== "All") {
          faults.failCreateOnce = undefined;
          return send(res, 500, status(500, "InternalError", "Internal error occurred: etcdserver: request timed out"));
        }
        const created = store.create(r.plural, ns ?? "", body, dryRun === "All");
        return send(res, 201, created, warnings);
      }
      if (method === "PUT" && rt.name) {
        const warnings = validate(r, body, fieldValidationOf(q.get("fieldValidation")));
        return send(
          res,
          200,
          store.update(r.plural, ns ?? "", rt.name, body, { dryRun: dryRun === "All", keepStatus: true }),
          warnings,
        );
      }
      if (method === "PATCH" && rt.name) {
        const current = store.get(r.plural, ns ?? "", rt.name);
        const type = (req.headers["content-type"] ?? "").split(";")[0]?.trim() ?? "";
        let next: Obj;
        if (type === "application/json-patch+json") next = jsonPatch(current, body as unknown as Obj[]);
        else if (type === "application/merge-patch+json" || type === "application/strategic-merge-patch+json")
          next = mergePatch(current, body) as Obj;
        else
          return send(
            res,
            415,
            status(
              415,
              "UnsupportedMediaType",
              `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json`,
            ),
          );
        // what a patch produces is JSON (the stored object may hold undefined values the controller wrote)
        next = JSON.parse(JSON.stringify(next)) as Obj;
        const warnings = validate(r, next, fieldValidationOf(q.get("fieldValidation")));
        next.metadata = { ...next.metadata, resourceVersion: current.metadata.resourceVersion };
        return send(res, 200, store.update(r.plural, ns ?? "", rt.name, next, { dryRun: dryRun === "All" }), warnings);
      }
      if (method === "DELETE" && rt.name)
        return send(res, 200, store.delete(r.plural, ns ?? "", rt.name, dryRun === "All"));
      return send(
        res,
        405,
        status(405, "MethodNotAllowed", `the server does not allow this method on the requested resource`),
      );
    } catch (err) {
      if (err instanceof StoreError) {
        let msg = err.message;
        if (err.code === 404 || err.code === 409) msg = msg.replace(`${r.plural} "`, `${gr(r)} "`);
        return send(
          res,
          err.code,
          status(err.code, err.reason, msg, { ...err.details, group: r.group, kind: r.plural }),
        );
      }
      return send(res, 500, status(500, "InternalError", `Internal error occurred: ${(err as Error).message}`));
    }
  };

  const handler = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) send(res, 500, status(500, "InternalError", String(err)));
      else res.destroy();
    });
  };
  const { cert, key } = selfSignedCert("k8s-double");
  const httpServer = http.createServer(handler);
  const httpsServer = https.createServer({ cert, key }, handler);
  const listen = (s: http.Server): Promise<number> =>
    new Promise((resolve) => s.listen(0, "127.0.0.1", () => resolve((s.address() as AddressInfo).port)));
  const [httpPort, httpsPort] = await Promise.all([listen(httpServer), listen(httpsServer)]);
  return {
    httpUrl: `http://127.0.0.1:${httpPort}`,
    httpsUrl: `https://127.0.0.1:${httpsPort}`,
    caPem: cert,
    store,
    controller,
    faults,
    requests,
    async close() {
      controller.stop();
      for (const s of [httpServer, httpsServer]) s.closeAllConnections();
      await Promise.all([httpServer, httpsServer].map((s) => new Promise((r) => s.close(r))));
    },
  };
}
