/**
 * What the server says its version is: the Argo Server's `/api/v1/version`, or the Kubernetes API's
 * `/version` (Kubernetes mode has no Argo endpoint; the controller's version is not readable there).
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
  /** Argo version (Argo Server mode). */
  readonly argo?: string;
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
  return { mode: client.mode, server: client.server, ...(v.gitVersion ? { kubernetes: v.gitVersion } : {}) };
}
