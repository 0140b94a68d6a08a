/**
 * The in-memory object store of the doubles: objects by resource, namespace
 * and name, a global resourceVersion counter, an event history for watches
 * (with compaction, so old resourceVersions get `410 Gone`), and pod logs.
 */
import { randomUUID } from "node:crypto";
import { EventEmitter } from "node:events";

/** A stored object (plain JSON). */
// biome-ignore lint/suspicious/noExplicitAny: the double handles objects of every kind as loose JSON
export type Obj = Record<string, any>;

/** A change to the store. */
export interface StoreEvent {
  readonly type: "ADDED" | "MODIFIED" | "DELETED";
  readonly resource: string;
  readonly namespace: string;
  readonly object: Obj;
  readonly rv: number;
}

/** Thrown by the store; carries the Kubernetes status code and reason. */
export class StoreError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details: Obj = {},
  ) {
    super(message);
  }
}

const clone = <T>(v: T): T => structuredClone(v);

/** Pod logs: lines so far, and whether the container ended. */
interface PodLog {
  lines: string[];
  /** When each line was written (ms since the epoch). */
  times: number[];
  done: boolean;
}

/** The store. One per double (shared by the Kubernetes API double and the Argo Server double). */
export class Store {
  private rv = 1000;
  private readonly objects = new Map<string, Map<string, Obj>>();
  private readonly history: StoreEvent[] = [];
  /** Watches from a resourceVersion below this get 410 Gone. */
  compactedRv = 0;
  readonly events = new EventEmitter();
  private readonly logs = new Map<string, PodLog>();

  constructor() {
    this.events.setMaxListeners(0);
  }

  /** Current resourceVersion. */
  get resourceVersion(): number {
    return this.rv;
  }

  private bucket(resource: string): Map<string, Obj> {
    let b = this.objects.get(resource);
    if (!b) this.objects.set(resource, (b = new Map()));
    return b;
  }

  private emit(type: StoreEvent["type"], resource: string, namespace: string, object: Obj): void {
    const ev: StoreEvent = {
      type,
      resource,
      namespace,
      object: clone(object),
      rv: Number(object.metadata.resourceVersion),
    };
    this.history.push(ev);
    if (this.history.length > 5000) this.history.splice(0, 1000);
    this.events.emit("change", ev);
  }

  /** Drops history: watches resuming from before now get 410 Gone. */
  compact(): void {
    this.compactedRv = this.rv;
  }

  /** Events after `rv` (throws 410 when compacted). */
  since(rv: number): StoreEvent[] {
    if (rv < this.compactedRv) {
      throw new StoreError(410, "Expired", `too old resource version: ${rv} (${this.compactedRv})`);
    }
    return this.history.filter((e) => e.rv > rv);
  }

  create(resource: string, namespace: string, input: Obj, dryRun = false): Obj {
    const obj = clone(input);
    obj.metadata ??= {};
    const meta = obj.metadata;
    if (!meta.name && meta.generateName) {
      meta.name = `${meta.generateName}${Math.random().toString(36).slice(2, 7)}`;
    }
    if (!meta.name) {
      throw new StoreError(
        422,
        "Invalid",
        `${resource} "" is invalid: metadata.name: Required value: name or generateName is required`,
        {
          causes: [
            {
              reason: "FieldValueRequired",
              message: "Required value: name or generateName is required",
              field: "metadata.name",
            },
          ],
        },
      );
    }
    const key = `${namespace}/${meta.name}`;
    const b = this.bucket(resource);
    if (b.has(key)) {
      throw new StoreError(409, "AlreadyExists", `${resource} "${meta.name}" already exists`, { name: meta.name });
    }
    if (namespace) meta.namespace = namespace;
    else delete meta.namespace;
    meta.uid = randomUUID();
    meta.creationTimestamp = new Date().toISOString().replace(/\.\d+Z$/, "Z");
    meta.generation = 1;
    if (dryRun) {
      meta.resourceVersion = "";
      return obj;
    }
    meta.resourceVersion = String(++this.rv);
    b.set(key, obj);
    this.emit("ADDED", resource, namespace, obj);
    return clone(obj);
  }

  get(resource: string, namespace: string, name: string): Obj {
    const o = this.bucket(resource).get(`${namespace}/${name}`);
    if (!o) throw new StoreError(404, "NotFound", `${resource} "${name}" not found`, { name });
    return clone(o);
  }

  /** Objects of a resource; `namespace` undefined means all namespaces. */
  list(resource: string, namespace?: string): Obj[] {
    return [...this.bucket(resource).values()]
      .filter((o) => namespace === undefined || (o.metadata.namespace ?? "") === namespace)
      .map(clone)
      .sort((a, b) => String(a.metadata.name).localeCompare(String(b.metadata.name)));
  }

  /** Replaces an object. A stale `metadata.resourceVersion` is a 409 Conflict. */
  update(
    resource: string,
    namespace: string,
    name: string,
    input: Obj,
    opts: { dryRun?: boolean; keepStatus?: boolean } = {},
  ): Obj {
    const current = this.get(resource, namespace, name);
    const obj = clone(input);
    obj.metadata ??= {};
    const rv = obj.metadata.resourceVersion;
    if (rv && rv !== current.metadata.resourceVersion) {
      throw new StoreError(
        409,
        "Conflict",
        `Operation cannot be fulfilled on ${resource} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
        { name },
      );
    }
    obj.metadata = {
      ...obj.metadata,
      name,
      uid: current.metadata.uid,
      creationTimestamp: current.metadata.creationTimestamp,
      generation: current.metadata.generation + (JSON.stringify(obj.spec) === JSON.stringify(current.spec) ? 0 : 1),
    };
    if (namespace) obj.metadata.namespace = namespace;
    if (opts.keepStatus && current.status !== undefined && obj.status === undefined) obj.status = current.status;
    if (opts.dryRun) return obj;
    obj.metadata.resourceVersion = String(++this.rv);
    this.bucket(resource).set(`${namespace}/${name}`, obj);
    this.emit("MODIFIED", resource, namespace, obj);
    return clone(obj);
  }

  /** Applies `fn` to the current object and stores the result (controller use). */
  mutate(resource: string, namespace: string, name: string, fn: (o: Obj) => void): Obj | undefined {
    const b = this.bucket(resource);
    const o = b.get(`${namespace}/${name}`);
    if (!o) return undefined;
    const next = clone(o);
    fn(next);
    next.metadata.resourceVersion = String(++this.rv);
    b.set(`${namespace}/${name}`, next);
    this.emit("MODIFIED", resource, namespace, next);
    return clone(next);
  }

  delete(resource: string, namespace: string, name: string, dryRun = false): Obj {
    const b = this.bucket(resource);
    const key = `${namespace}/${name}`;
    const o = b.get(key);
    if (!o) throw new StoreError(404, "NotFound", `${resource} "${name}" not found`, { name });
    if (dryRun) return clone(o);
    b.delete(key);
    const gone = clone(o);
    gone.metadata.resourceVersion = String(++this.rv);
    this.emit("DELETED", resource, namespace, gone);
    if (resource === "workflows") {
      for (const pod of this.list("pods", namespace)) {
        if (pod.metadata.labels?.["workflows.argoproj.io/workflow"] === name)
          this.delete("pods", namespace, pod.metadata.name);
      }
    }
    return gone;
  }

  /** Appends log lines of a pod's `main` container. */
  appendLog(namespace: string, pod: string, ...lines: string[]): void {
    const key = `${namespace}/${pod}`;
    let l = this.logs.get(key);
    if (!l) this.logs.set(key, (l = { lines: [], times: [], done: false }));
    l.lines.push(...lines);
    l.times.push(...lines.map(() => Date.now()));
    this.events.emit(`log:${key}`);
  }

  /** Forgets a pod's log (a pod created again under the same name, as a retry does, starts empty). */
  clearLog(namespace: string, pod: string): void {
    this.logs.delete(`${namespace}/${pod}`);
  }

  /** Marks a pod's log finished (follow streams end). */
  endLog(namespace: string, pod: string): void {
    const key = `${namespace}/${pod}`;
    let l = this.logs.get(key);
    if (!l) this.logs.set(key, (l = { lines: [], times: [], done: false }));
    l.done = true;
    this.events.emit(`log:${key}`);
  }

  /** Log of a pod so far. */
  log(
    namespace: string,
    pod: string,
  ): { readonly lines: readonly string[]; readonly times: readonly number[]; readonly done: boolean } {
    const l = this.logs.get(`${namespace}/${pod}`);
    return l ? { lines: [...l.lines], times: [...l.times], done: l.done } : { lines: [], times: [], done: false };
  }
}
