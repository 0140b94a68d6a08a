/**
 * Picks the connection mode: the Argo Server when a URL is given (option or
 * `ARGO_SERVER`), the Kubernetes API otherwise.
 */
import { connectArgoServer } from "./argo-server/client.js";
import { connectKubernetes } from "./kubernetes/client.js";
import type { WorkflowClient } from "./workflow-client.js";

/**
 * Options for {@link connect}: the union of both modes' settings.
 *
 * @example
 * ```ts
 * const client = await connect({ namespace: "ci", context: "staging" });
 * ```
 */
export interface ConnectOptions {
  /** Kubeconfig path (Kubernetes mode). @default `KUBECONFIG`, `~/.kube/config`, in-cluster */
  readonly kubeconfig?: string;
  /** Kubeconfig context (Kubernetes mode). @default the current context */
  readonly context?: string;
  /** Namespace. @default the context's namespace (Kubernetes mode) or `ARGO_NAMESPACE` (Argo Server mode), else `default` */
  readonly namespace?: string;
  /** Argo Server URL; selects Argo Server mode. @default `ARGO_SERVER` */
  readonly argoServer?: string;
  /**
   * Bearer token: the Argo Server's, or in Kubernetes mode one used instead of the kubeconfig user's
   * credentials (like kubectl `--token`). @default `ARGO_TOKEN` (Argo Server mode only), else the kubeconfig user's
   */
  readonly token?: string;
  /** Skip TLS verification of the server. @default `ARGO_INSECURE_SKIP_VERIFY === "true"` (Argo Server mode), else the kubeconfig's setting */
  readonly insecureSkipTlsVerify?: boolean;
  /** CA bundle to verify the server with. @default the system roots (Argo Server mode), else the kubeconfig's CA */
  readonly caFile?: string;
  /** Timeout per request, and of an exec credential plugin, in milliseconds (0 = none). @default 30000 */
  readonly requestTimeoutMs?: number;
  /** Server-side limit of each watch request; a watch silent for 1.5 times as long is resumed (0 = none). @default 60000 */
  readonly watchTimeoutMs?: number;
  /** Environment to read `ARGO_*` variables from. @default process.env */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Connects to the cluster in the mode the options (or environment) ask for.
 *
 * @example
 * ```ts
 * const client = await connect({ context: "prod", namespace: "ci" });      // Kubernetes API
 * const viaArgo = await connect({ argoServer: "https://argo:2746", token }); // Argo Server
 * ```
 */
export async function connect(options: ConnectOptions = {}): Promise<WorkflowClient> {
  const env = options.env ?? process.env;
  const argoServer = options.argoServer ?? (env.ARGO_SERVER || undefined);
  const timeout = {
    ...(options.requestTimeoutMs === undefined ? {} : { requestTimeoutMs: options.requestTimeoutMs }),
    ...(options.watchTimeoutMs === undefined ? {} : { watchTimeoutMs: options.watchTimeoutMs }),
  };
  if (argoServer) {
    const token = options.token ?? (env.ARGO_TOKEN || undefined);
    return connectArgoServer({
      server: argoServer,
      ...(token ? { token } : {}),
      ...((options.namespace ?? env.ARGO_NAMESPACE) ? { namespace: options.namespace ?? env.ARGO_NAMESPACE } : {}),
      insecureSkipTlsVerify: options.insecureSkipTlsVerify ?? env.ARGO_INSECURE_SKIP_VERIFY === "true",
      ...(options.caFile ? { caFile: options.caFile } : {}),
      ...timeout,
    });
  }
  return connectKubernetes({
    ...(options.kubeconfig ? { kubeconfig: options.kubeconfig } : {}),
    ...(options.context ? { context: options.context } : {}),
    ...(options.namespace ? { namespace: options.namespace } : {}),
    ...(options.token ? { token: options.token } : {}),
    ...(options.insecureSkipTlsVerify ? { insecureSkipTlsVerify: true } : {}),
    ...(options.caFile ? { caFile: options.caFile } : {}),
    ...timeout,
  });
}
