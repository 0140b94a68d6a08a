/**
 * Kubeconfig loading the way kubectl does it (`--kubeconfig`, `KUBECONFIG`, `~/.kube/config`, the
 * in-cluster service account; `--context`), with errors that say what to fix, and the agent and headers
 * of the chosen context for the client's own streaming requests.
 */
import fs from "node:fs";
import type { Agent } from "node:http";
import os from "node:os";
import path from "node:path";
import type * as k8s from "@kubernetes/client-node";
import { ClusterError } from "../errors.js";
import type { HttpTarget } from "../http-request.js";

const IN_CLUSTER_TOKEN = "/var/run/secrets/kubernetes.io/serviceaccount/token";

/** Which kubeconfig and context to load. @internal */
export interface KubeconfigChoice {
  /** Path of a kubeconfig file. @default `KUBECONFIG`, then `~/.kube/config`, then the in-cluster service account */
  readonly kubeconfig?: string;
  /** Context to use. @default the kubeconfig's current context */
  readonly context?: string;
}

function load(kc: k8s.KubeConfig, file: string | undefined): void {
  const envFiles = (process.env.KUBECONFIG ?? "").split(path.delimiter).filter(Boolean);
  const home = path.join(os.homedir(), ".kube", "config");
  if (file) {
    if (!fs.existsSync(file)) throw new Error(`file ${file} does not exist`);
    kc.loadFromFile(file);
  } else if (envFiles.length > 0) {
    const existing = envFiles.filter((f) => fs.existsSync(f));
    if (existing.length === 0) throw new Error(`KUBECONFIG names ${envFiles.join(", ")}, which does not exist`);
    process.env.KUBECONFIG = existing.join(path.delimiter);
    kc.loadFromDefault();
  } else if (fs.existsSync(home) || (process.env.KUBERNETES_SERVICE_HOST && fs.existsSync(IN_CLUSTER_TOKEN))) {
    kc.loadFromDefault();
  } else {
    throw new ClusterError(
      "ConfigError",
      "no kubeconfig found: set KUBECONFIG or --kubeconfig, create ~/.kube/config (e.g. with your cloud's CLI), or use --argo-server",
    );
  }
}

/**
 * Loads the kubeconfig and selects the context; `ConfigError` when there is none, it does not parse, or
 * the context or its cluster is missing.
 *
 * @internal
 * @example
 * ```ts
 * const kc = loadKubeConfig(await import("@kubernetes/client-node"), { context: "kind-dev" });
 * ```
 */
export function loadKubeConfig(mod: typeof k8s, choice: KubeconfigChoice): k8s.KubeConfig {
  const kc = new mod.KubeConfig();
  try {
    load(kc, choice.kubeconfig);
  } catch (err) {
    if (err instanceof ClusterError) throw err;
    throw new ClusterError(
      "ConfigError",
      `reading the kubeconfig failed: ${err instanceof Error ? err.message : String(err)}; check the file (kubectl config view)`,
      { cause: err },
    );
  }
  if (choice.context) {
    if (!kc.getContextObject(choice.context)) {
      const known = kc.getContexts().map((c) => c.name);
      throw new ClusterError(
        "ConfigError",
        `context "${choice.context}" is not in the kubeconfig; known contexts: ${known.join(", ") || "none"} (kubectl config get-contexts)`,
      );
    }
    kc.setCurrentContext(choice.context);
  }
  const cluster = kc.getCurrentCluster();
  if (!cluster) {
    throw new ClusterError(
      "ConfigError",
      `the kubeconfig has no cluster for context "${kc.getCurrentContext()}"; pick a context with --context (kubectl config get-contexts)`,
    );
  }
  // kubectl talks plain HTTP to an http:// server; client-node insists on skipTLSVerify for it
  if (cluster.server.startsWith("http:") && !cluster.skipTLSVerify) {
    kc.clusters = kc.clusters.map((c) => (c.name === cluster.name ? { ...c, skipTLSVerify: true } : c));
  }
  return kc;
}

/**
 * The agent (TLS settings, client certificate) and auth headers of the current context, for requests the
 * client sends itself (watches, logs, pod lists).
 *
 * @internal
 * @example
 * ```ts
 * const target = await kubeconfigTarget(kc, kc.getCurrentCluster()!.server);
 * ```
 */
export async function kubeconfigTarget(kc: k8s.KubeConfig, server: string): Promise<HttpTarget> {
  const opts: { headers?: Record<string, string>; agent?: Agent; auth?: string } = {};
  await kc.applyToHTTPSOptions(opts as Parameters<k8s.KubeConfig["applyToHTTPSOptions"]>[0]);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(opts.headers ?? {})) headers[k] = String(v);
  if (opts.auth) headers.Authorization = `Basic ${Buffer.from(opts.auth).toString("base64")}`;
  return { baseUrl: server, headers, ...(opts.agent ? { agent: opts.agent } : {}) };
}
