/**
 * What both connection modes say about an operation: the {@link ErrorContext} of creating, reading,
 * listing, updating or deleting an Argo object, and the manifest sent with the namespace filled in.
 */
import type { ErrorContext } from "./error-mapping.js";
import { ARGO_GROUP, type ArgoResource } from "./resources.js";
import type { KubeObject } from "./types.js";

/** The connection's part of every error message. @internal */
export interface Connection {
  /** Server URL. */
  readonly server: string;
  /** The credentials in use, e.g. `context "kind-dev"`. */
  readonly credentials: string;
  /** Where the server address came from, e.g. `--argo-server (or ARGO_SERVER)`. @default `credentials` */
  readonly address?: string;
}

/** An {@link ErrorContext} for `action`, with an RBAC hint and the namespace when given. @internal */
export function errorContext(conn: Connection, action: string, permission?: string, namespace?: string): ErrorContext {
  return {
    action,
    server: conn.server,
    credentials: conn.credentials,
    ...(conn.address ? { address: conn.address } : {}),
    ...(namespace ? { namespace } : {}),
    ...(permission ? { permission } : {}),
  };
}

/** A verb on one object, and how a message says it. */
const DOING = {
  create: "creating",
  validate: "validating (server dry run)",
  get: "getting",
  update: "updating",
  delete: "deleting",
} as const;

/** The context of `verb` on the object `name` of kind `res` in `namespace` (ignored for cluster-scoped kinds). @internal */
export function objectContext(
  conn: Connection,
  verb: keyof typeof DOING,
  res: ArgoResource,
  name: string,
  namespace: string,
): ErrorContext {
  const where = res.namespaced ? ` in namespace "${namespace}"` : "";
  const permission = `${verb === "validate" ? "create" : verb} ${res.plural}.${ARGO_GROUP}`;
  return errorContext(
    conn,
    `${DOING[verb]} ${res.kind} "${name}"${where}`,
    permission,
    res.namespaced ? namespace : undefined,
  );
}

/** The context of listing kind `res` in `namespace`, or in all namespaces when it is undefined. @internal */
export function listContext(conn: Connection, res: ArgoResource, namespace: string | undefined): ErrorContext {
  const ns = res.namespaced ? namespace : undefined;
  return errorContext(
    conn,
    `listing ${res.plural}${ns ? ` in namespace "${ns}"` : ""}`,
    `list ${res.plural}.${ARGO_GROUP}`,
    ns,
  );
}

/** The manifest with `metadata.namespace` set, for namespaced kinds. @internal */
export function inNamespace(res: ArgoResource, manifest: KubeObject, namespace: string): KubeObject {
  return res.namespaced ? { ...manifest, metadata: { ...manifest.metadata, namespace } } : manifest;
}
