/**
 * Argo Events objects (EventBus, EventSource, Sensor) on the Kubernetes API: get, list, create,
 * update, delete. The Argo Server has no EventBus API, so these need Kubernetes mode.
 */
import { ClusterError } from "../errors.js";
import type { RawRequest } from "../raw-request.js";
import type { KubeObject } from "../types.js";
import type { WorkflowClient, WriteOptions } from "../workflow-client.js";
import { kubePath } from "./paths.js";

/**
 * An Argo Events kind.
 *
 * @example
 * ```ts
 * const k: EventsKind = "Sensor";
 * ```
 */
export type EventsKind = "EventBus" | "EventSource" | "Sensor";

/**
 * How each Argo Events kind is addressed: plural and accepted short names.
 *
 * @example
 * ```ts
 * EVENTS_RESOURCES.EventBus.plural // "eventbus"
 * ```
 */
export const EVENTS_RESOURCES: {
  readonly [K in EventsKind]: { readonly plural: string; readonly aliases: readonly string[] };
} = {
  EventBus: { plural: "eventbus", aliases: ["eventbus", "eb"] },
  EventSource: { plural: "eventsources", aliases: ["eventsource", "es"] },
  Sensor: { plural: "sensors", aliases: ["sensor", "sn"] },
};

/**
 * The Argo Events kind named by `kindOrAlias` (case-insensitive), if it is one.
 *
 * @example
 * ```ts
 * eventsKindFor("sn") // "Sensor"
 * ```
 */
export function eventsKindFor(kindOrAlias: string): EventsKind | undefined {
  const k = kindOrAlias.toLowerCase();
  return (Object.keys(EVENTS_RESOURCES) as EventsKind[]).find(
    (kind) =>
      kind.toLowerCase() === k || EVENTS_RESOURCES[kind].plural === k || EVENTS_RESOURCES[kind].aliases.includes(k),
  );
}

function requireKubernetes(client: WorkflowClient, kind: string): void {
  if (client.mode !== "kubernetes")
    throw new ClusterError(
      "BadRequest",
      `${kind} objects are managed through the Kubernetes API, which --argo-server mode does not use; run without --argo-server (and ARGO_SERVER) with a kubeconfig`,
    );
}

function query(options: WriteOptions & { readonly dryRun?: boolean }): string {
  const q = new URLSearchParams({ fieldValidation: options.fieldValidation ?? "Strict" });
  if (options.dryRun) q.set("dryRun", "All");
  return `?${q}`;
}

function describe(kind: EventsKind, name: string, ns: string): string {
  return `${kind} "${name}" in namespace "${ns}"`;
}

/**
 * One request about `kind` objects, refused in Argo Server mode; `req` gets the kind's plural. A
 * 403's RBAC hint names `<verb> <plural>.argoproj.io` in `namespace` (none: all namespaces).
 */
function send<T>(
  client: WorkflowClient,
  kind: EventsKind,
  verb: "get" | "list" | "create" | "update" | "delete",
  namespace: string | undefined,
  req: (plural: string) => Omit<RawRequest, "permission" | "namespace">,
): Promise<T> {
  requireKubernetes(client, kind);
  const plural = EVENTS_RESOURCES[kind].plural;
  return client.raw<T>({
    ...req(plural),
    permission: `${verb} ${plural}.argoproj.io`,
    ...(namespace ? { namespace } : {}),
  });
}

/** The namespace a manifest goes to, and the manifest with it set. */
function placed(client: WorkflowClient, manifest: KubeObject): { ns: string; name: string; body: KubeObject } {
  const ns = manifest.metadata?.namespace ?? client.namespace;
  return {
    ns,
    name: manifest.metadata?.name ?? "",
    body: { ...manifest, metadata: { ...manifest.metadata, namespace: ns } },
  };
}

/**
 * Reads one Argo Events object. Throws `ClusterError` `NotFound` when absent.
 *
 * @example
 * ```ts
 * const sensor = await getEventsObject(client, "Sensor", "webhook");
 * ```
 */
export function getEventsObject(
  client: WorkflowClient,
  kind: EventsKind,
  name: string,
  namespace?: string,
): Promise<KubeObject> {
  const ns = namespace ?? client.namespace;
  return send(client, kind, "get", ns, (plural) => ({
    method: "GET",
    path: kubePath(plural, ns, name),
    action: `getting ${describe(kind, name, ns)}`,
    expect: { shape: "object", kind, name },
  }));
}

/**
 * Lists Argo Events objects of a kind.
 *
 * @example
 * ```ts
 * const sensors = await listEventsObjects(client, "Sensor", { labelSelector: "team=data" });
 * ```
 */
export async function listEventsObjects(
  client: WorkflowClient,
  kind: EventsKind,
  options: { readonly labelSelector?: string; readonly allNamespaces?: boolean } = {},
): Promise<KubeObject[]> {
  const ns = options.allNamespaces ? undefined : client.namespace;
  const q = options.labelSelector ? `?${new URLSearchParams({ labelSelector: options.labelSelector })}` : "";
  const page = await send<{ items?: KubeObject[] }>(client, kind, "list", ns, (plural) => ({
    method: "GET",
    path: kubePath(plural, ns) + q,
    action: `listing ${plural}${ns ? ` in namespace "${ns}"` : ""}`,
    expect: { shape: "list", kind, itemsOptional: true },
  }));
  return (page.items ?? []).map((o) => ({ apiVersion: "argoproj.io/v1alpha1", kind, ...o }));
}

/**
 * Creates (or, with `dryRun`, validates on the server without storing) an Argo Events object.
 *
 * @example
 * ```ts
 * await createEventsObject(client, sensorManifest, { dryRun: true });
 * ```
 */
export function createEventsObject(
  client: WorkflowClient,
  manifest: KubeObject,
  options: WriteOptions & { readonly dryRun?: boolean } = {},
): Promise<KubeObject> {
  const kind = manifest.kind as EventsKind;
  const { ns, name, body } = placed(client, manifest);
  return send(client, kind, "create", ns, (plural) => ({
    method: "POST",
    path: kubePath(plural, ns) + query(options),
    body,
    action: `${options.dryRun ? "validating (server dry run)" : "creating"} ${describe(kind, name, ns)}`,
    expect: { shape: "object", kind, ...(name ? { name } : {}) },
    ...(options.onWarning ? { onWarning: options.onWarning } : {}),
  }));
}

/**
 * Replaces an Argo Events object (`metadata.resourceVersion` must be current).
 *
 * @example
 * ```ts
 * await updateEventsObject(client, { ...sensor, metadata: { ...sensor.metadata, resourceVersion } });
 * ```
 */
export function updateEventsObject(
  client: WorkflowClient,
  manifest: KubeObject,
  options: WriteOptions & { readonly dryRun?: boolean } = {},
): Promise<KubeObject> {
  const kind = manifest.kind as EventsKind;
  const { ns, name, body } = placed(client, manifest);
  return send(client, kind, "update", ns, (plural) => ({
    method: "PUT",
    path: kubePath(plural, ns, name) + query(options),
    body,
    action: `${options.dryRun ? "validating (server dry run) the update of" : "updating"} ${describe(kind, name, ns)}`,
    expect: { shape: "object", kind, name },
    ...(options.onWarning ? { onWarning: options.onWarning } : {}),
  }));
}

/**
 * Deletes an Argo Events object. Throws `ClusterError` `NotFound` when absent.
 *
 * @example
 * ```ts
 * await deleteEventsObject(client, "EventSource", "webhook");
 * ```
 */
export async function deleteEventsObject(
  client: WorkflowClient,
  kind: EventsKind,
  name: string,
  namespace?: string,
): Promise<void> {
  const ns = namespace ?? client.namespace;
  await send(client, kind, "delete", ns, (plural) => ({
    method: "DELETE",
    path: kubePath(plural, ns, name),
    action: `deleting ${describe(kind, name, ns)}`,
  }));
}
