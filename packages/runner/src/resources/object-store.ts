/**
 * The in-memory object store a local run's `resource` templates act on (`wfc run --resources
 * memory`): Kubernetes objects by group, kind, namespace and name, with the API server's
 * bookkeeping a workflow can see (`generateName`, `uid`, `resourceVersion`, `creationTimestamp`,
 * AlreadyExists / NotFound). The run registers its own pods in it, so a template can patch
 * `{{pod.name}}`. Nothing reconciles the objects: a created Workflow or Job does not run.
 */
import { randomUUID } from "node:crypto";

/** A Kubernetes object as the store keeps it. */
export interface K8sObject {
  apiVersion?: string;
  kind?: string;
  metadata?: K8sMetadata;
  [key: string]: unknown;
}

/** The metadata fields the store reads and writes. */
export interface K8sMetadata {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  creationTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: unknown[];
  [key: string]: unknown;
}

/** Which object a `kubectl TYPE NAME` flag pair, or a manifest, names. */
export interface ObjectRef {
  /** A kind (`Pod`), or a resource type as kubectl takes it (`pod`, `pods`, `po`, `workflows.argoproj.io`). */
  readonly type: string;
  readonly name: string;
  readonly namespace: string;
  /** The manifest's apiVersion group, when the ref comes from a manifest. */
  readonly group?: string;
}

/** An API error, worded as kubectl prints it (`Error from server (NotFound): pods "x" not found`). */
export class ApiError extends Error {
  constructor(
    readonly reason: "NotFound" | "AlreadyExists" | "Invalid" | "BadRequest" | "UnsupportedMediaType",
    message: string,
  ) {
    super(`Error from server (${reason}): ${message}`);
    this.name = "ApiError";
  }
}

const SHORT_NAMES: Readonly<Record<string, string>> = {
  po: "Pod",
  wf: "Workflow",
  wftmpl: "WorkflowTemplate",
  cwf: "CronWorkflow",
  cwftmpl: "ClusterWorkflowTemplate",
  cm: "ConfigMap",
  svc: "Service",
  deploy: "Deployment",
  ns: "Namespace",
  sa: "ServiceAccount",
  pvc: "PersistentVolumeClaim",
  pv: "PersistentVolume",
  rs: "ReplicaSet",
  ds: "DaemonSet",
  sts: "StatefulSet",
  cj: "CronJob",
};

const CLUSTER_SCOPED = new Set([
  "Namespace",
  "Node",
  "PersistentVolume",
  "ClusterRole",
  "ClusterRoleBinding",
  "ClusterWorkflowTemplate",
  "CustomResourceDefinition",
  "StorageClass",
  "PriorityClass",
]);

/** `pods`, `workflows`, `policies`: the plural kubectl and error messages use. */
export function pluralOf(kind: string): string {
  const k = kind.toLowerCase();
  if (/(s|x|ch|sh)$/.test(k)) return `${k}es`;
  if (/[^aeiou]y$/.test(k)) return `${k.slice(0, -1)}ies`;
  return `${k}s`;
}

/** The API group of an apiVersion (`argoproj.io/v1alpha1` -> `argoproj.io`, `v1` -> ""). */
export function groupOf(apiVersion: string | undefined): string {
  const v = apiVersion ?? "";
  return v.includes("/") ? v.slice(0, v.indexOf("/")) : "";
}

const GENERATE_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

/**
 * The store.
 *
 * @example
 * ```ts
 * const store = new ObjectStore("default", () => new Date().toISOString());
 * store.create({ apiVersion: "v1", kind: "ConfigMap", metadata: { generateName: "cm-" } });
 * ```
 */
export class ObjectStore {
  private readonly objects = new Map<string, K8sObject>();
  private version = 0;
  private waiters: (() => void)[] = [];

  constructor(
    readonly namespace: string,
    private readonly now: () => string,
  ) {}

  /** Every object, sorted by apiVersion, kind, namespace, name (deterministic output). */
  list(): K8sObject[] {
    return [...this.objects.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, o]) => structuredClone(o));
  }

  /** Resolves when any object changes next (or `signal` aborts). */
  nextChange(signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        signal.removeEventListener("abort", done);
        resolve();
      };
      signal.addEventListener("abort", done, { once: true });
      this.waiters.push(done);
    });
  }

  /** The ref a manifest names (its kind, apiVersion group, name and namespace). */
  refOf(obj: K8sObject): ObjectRef {
    const kind = obj.kind ?? "";
    return {
      type: kind,
      group: groupOf(obj.apiVersion),
      name: obj.metadata?.name ?? "",
      namespace: this.namespaceOf(kind, obj.metadata?.namespace),
    };
  }

  /** `kubectl create`: a new object; `generateName` gets a random suffix. */
  create(input: K8sObject): K8sObject {
    const obj = this.normalise(input);
    const md = obj.metadata as K8sMetadata;
    if (!md.name && md.generateName) md.name = `${md.generateName}${randomSuffix()}`;
    const ref = this.refOf(obj);
    if (!ref.name) throw new ApiError("Invalid", `${this.resourceName(obj)} "": name or generateName is required`);
    if (this.find(ref)) throw new ApiError("AlreadyExists", `${this.resourceName(obj)} "${ref.name}" already exists`);
    md.uid = randomUUID();
    md.creationTimestamp = this.now();
    return this.put(obj);
  }

  /** `kubectl apply`: creates, or merges the manifest's fields into the existing object. */
  apply(input: K8sObject, merge: (target: unknown, patch: unknown) => unknown): K8sObject {
    const obj = this.normalise(input);
    if (!obj.metadata?.name)
      throw new ApiError(
        "BadRequest",
        `${obj.metadata?.generateName ? "cannot use generate name with apply" : "the manifest has no metadata.name"}`,
      );
    const existing = this.find(this.refOf(obj));
    if (!existing) return this.create(obj);
    return this.put(merge(existing, obj) as K8sObject, existing);
  }

  /** `kubectl replace`: the object must exist; keeps its uid and creationTimestamp. */
  replace(input: K8sObject): K8sObject {
    const obj = this.normalise(input);
    const ref = this.refOf(obj);
    const existing = this.find(ref);
    if (!existing) throw this.notFound(ref);
    return this.put(obj, existing);
  }

  /** `kubectl patch`: `patch` computes the new object from the existing one. */
  patch(ref: ObjectRef, patch: (existing: K8sObject) => K8sObject): K8sObject {
    const existing = this.find(ref);
    if (!existing) throw this.notFound(ref);
    return this.put(patch(structuredClone(existing)), existing);
  }

  /** `kubectl get`. */
  get(ref: ObjectRef): K8sObject {
    const existing = this.find(ref);
    if (!existing) throw this.notFound(ref);
    return structuredClone(existing);
  }

  /** The objects of a type in a namespace whose labels satisfy `keep` (`--selector`). */
  select(type: string, namespace: string, keep: (o: K8sObject) => boolean): K8sObject[] {
    return this.list().filter((o) => this.isType(o, type) && this.inNamespace(o, namespace) && keep(o));
  }

  /** `kubectl delete`; false when it was not there. */
  delete(ref: ObjectRef): boolean {
    const key = this.keyOfRef(ref);
    if (!key) return false;
    this.objects.delete(key);
    this.notify();
    return true;
  }

  /** Adds or replaces an object the run itself owns (its Workflow, its pods), as the API server holds it. */
  upsert(input: K8sObject): K8sObject {
    const obj = this.normalise(input);
    const existing = this.find(this.refOf(obj));
    if (!existing) {
      const md = obj.metadata as K8sMetadata;
      md.uid ??= randomUUID();
      md.creationTimestamp ??= this.now();
    }
    return this.put(obj, existing);
  }

  /** Whether an object of this kind is of the kubectl resource type. */
  isType(o: K8sObject, type: string): boolean {
    const kind = o.kind ?? "";
    const dot = type.indexOf(".");
    const base = (dot >= 0 ? type.slice(0, dot) : type).toLowerCase();
    const group = dot >= 0 ? type.slice(dot + 1) : undefined;
    if (group !== undefined && group !== groupOf(o.apiVersion)) return false;
    return base === kind.toLowerCase() || base === pluralOf(kind) || SHORT_NAMES[base] === kind;
  }

  /** `pods`, `workflows.argoproj.io`: how kubectl names the resource in messages. */
  resourceName(o: K8sObject): string {
    const g = groupOf(o.apiVersion);
    return `${pluralOf(o.kind ?? "")}${g ? `.${g}` : ""}`;
  }

  private notFound(ref: ObjectRef): ApiError {
    const kind = SHORT_NAMES[ref.type.toLowerCase()] ?? ref.type;
    const plural = /s$/.test(kind) && kind === kind.toLowerCase() ? kind : pluralOf(kind);
    return new ApiError("NotFound", `${plural}${ref.group ? `.${ref.group}` : ""} "${ref.name}" not found`);
  }

  private namespaceOf(kind: string, ns: string | undefined): string {
    return CLUSTER_SCOPED.has(kind) ? "" : ns || this.namespace;
  }

  private inNamespace(o: K8sObject, ns: string): boolean {
    return this.namespaceOf(o.kind ?? "", o.metadata?.namespace) === (CLUSTER_SCOPED.has(o.kind ?? "") ? "" : ns);
  }

  private normalise(input: K8sObject): K8sObject {
    const obj = structuredClone(input);
    if (!obj.kind) throw new ApiError("BadRequest", "Object 'Kind' is missing in the manifest");
    obj.metadata ??= {};
    const ns = this.namespaceOf(obj.kind, obj.metadata.namespace);
    if (ns) obj.metadata.namespace = ns;
    return obj;
  }

  private key(o: K8sObject): string {
    const ns = this.namespaceOf(o.kind ?? "", o.metadata?.namespace);
    return [o.apiVersion ?? "", o.kind ?? "", ns, o.metadata?.name ?? ""].join("\u0000");
  }

  private keyOfRef(ref: ObjectRef): string | undefined {
    for (const [k, o] of this.objects) {
      if (o.metadata?.name !== ref.name || !this.isType(o, ref.type)) continue;
      if (ref.group !== undefined && groupOf(o.apiVersion) !== ref.group) continue;
      if (this.inNamespace(o, ref.namespace)) return k;
    }
    return undefined;
  }

  private find(ref: ObjectRef): K8sObject | undefined {
    const k = this.keyOfRef(ref);
    return k === undefined ? undefined : this.objects.get(k);
  }

  private put(obj: K8sObject, previous?: K8sObject): K8sObject {
    const md = (obj.metadata ??= {});
    if (previous) {
      md.uid = previous.metadata?.uid;
      md.creationTimestamp = previous.metadata?.creationTimestamp;
      this.objects.delete(this.key(previous));
    }
    md.resourceVersion = String(++this.version);
    this.objects.set(this.key(obj), obj);
    this.notify();
    return structuredClone(obj);
  }

  private notify(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }
}

function randomSuffix(): string {
  let s = "";
  for (let i = 0; i < 5; i++) s += GENERATE_ALPHABET[Math.floor(Math.random() * GENERATE_ALPHABET.length)];
  return s;
}
