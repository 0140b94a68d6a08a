/**
 * What the server says its version is: the Argo Server's `/api/v1/version`, or the Kubernetes API's
 * `/version`. Kubernetes mode has no Argo endpoint: there the Argo version is the image tag of the
 * `workflow-controller` Deployment, when the user may read it (in the client's namespace, then `argo`).
 */
import type { WorkflowClient } from "../workflow-client.js";

/**
 * The server's version, as far as the mode can tell.
 *
 * @example
 * ```ts
 * const v: ServerVersion = { mode: "argo-server", server: "https://argo:2746", argo: "v4.1.0" };
 * ```
 */
export interface ServerVersion {
  readonly mode: WorkflowClient["mode"];
  readonly server: string;
  /** Argo version (Argo Server mode; in Kubernetes mode the controller image's tag, see `argoSource`). */
  readonly argo?: string;
  /** Where `argo` came from in Kubernetes mode, e.g. `image of Deployment argo/workflow-controller`. */
  readonly argoSource?: string;
  /** Kubernetes version (Kubernetes mode). */
  readonly kubernetes?: string;
}

/**
 * Asks the server for its version.
 *
 * @example
 * ```ts
 * const v = await serverVersion(client); console.log(v.argo ?? v.kubernetes);
 * ```
 */
export async function serverVersion(client: WorkflowClient): Promise<ServerVersion> {
  if (client.mode === "argo-server") {
    const v = await client.raw<{ version?: string }>({
      method: "GET",
      path: "/api/v1/version",
      action: "reading the Argo Server version",
    });
    return { mode: client.mode, server: client.server, ...(v.version ? { argo: v.version } : {}) };
  }
  const v = await client.raw<{ gitVersion?: string }>({
    method: "GET",
    path: "/version",
    action: "reading the Kubernetes API version",
  });
  const controller = await controllerVersion(client);
  return {
    mode: client.mode,
    server: client.server,
    ...(controller ? { argo: controller.version, argoSource: controller.source } : {}),
    ...(v.gitVersion ? { kubernetes: v.gitVersion } : {}),
  };
}

interface Deployment {
  readonly spec?: {
    readonly template?: { readonly spec?: { readonly containers?: readonly { name?: string; image?: string }[] } };
  };
}

/** The tag of an image reference (`quay.io/argoproj/workflow-controller:v4.1.0@sha256:...` -> `v4.1.0`). */
function imageTag(image: string): string | undefined {
  const name = image.split("@")[0] ?? "";
  const last = name.slice(name.lastIndexOf("/") + 1);
  const at = last.indexOf(":");
  return at >= 0 ? last.slice(at + 1) : undefined;
}

/**
 * The Argo version a user could read with `kubectl get deploy workflow-controller`: the controller
 * container's image tag, looked for in the client's namespace, then in `argo`. Not found, not
 * readable (404, 403) or any other failure means unknown (the Kubernetes version is still reported).
 */
async function controllerVersion(client: WorkflowClient): Promise<{ version: string; source: string } | undefined> {
  for (const ns of [...new Set([client.namespace, "argo"])]) {
    let d: Deployment;
    try {
      d = await client.raw<Deployment>({
        method: "GET",
        path: `/apis/apps/v1/namespaces/${encodeURIComponent(ns)}/deployments/workflow-controller`,
        action: `reading Deployment "workflow-controller" in namespace "${ns}"`,
        permission: "get deployments.apps",
        namespace: ns,
      });
    } catch {
      continue; // not there (404), not readable (403), or not answered: the Argo version stays unknown
    }
    const containers = d.spec?.template?.spec?.containers ?? [];
    const c = containers.find((x) => x.name === "workflow-controller") ?? containers[0];
    const tag = c?.image ? imageTag(c.image) : undefined;
    if (tag) return { version: tag, source: `image of Deployment ${ns}/workflow-controller` };
  }
  return undefined;
}
