/**
 * Kubeconfig loading the way kubectl does it (`--kubeconfig`, `KUBECONFIG`, `~/.kube/config`, the
 * in-cluster service account; `--context`; `--token`, `--insecure-skip-tls-verify` and `--ca-file` as
 * overrides), with errors that say what to fix, and the agent and headers of the chosen context
 * ({@link KubeCredentials}): token, token file, basic auth, client certificate and key (data or files),
 * exec credential plugins, CA data or file, `insecure-skip-tls-verify`, `tls-server-name`, an `http://`
 * `proxy-url` (CONNECT tunnels).
 */
import fs from "node:fs";
import http from "node:http";
import https from "node:https";
import os from "node:os";
import path from "node:path";
import { ClusterError } from "../errors.js";
import type { HttpTarget } from "../http-request.js";
import { type ExecResult, runExecPlugin } from "./exec-credential.js";
import { type KubeCluster, type KubeUser, readKubeconfigFiles } from "./kubeconfig-file.js";
import { proxyAgent } from "./proxy-agent.js";

const SERVICE_ACCOUNT = "/var/run/secrets/kubernetes.io/serviceaccount";

/** Which kubeconfig and context to load, and kubectl's overriding flags. @internal */
export interface KubeconfigChoice {
  /** Path of a kubeconfig file. @default `KUBECONFIG`, then `~/.kube/config`, then the in-cluster service account */
  readonly kubeconfig?: string;
  /** Context to use. @default the kubeconfig's current context */
  readonly context?: string;
  /** Bearer token to use instead of the context user's credentials (kubectl `--token`). @default the user's */
  readonly token?: string;
  /** Do not verify the server's certificate (kubectl `--insecure-skip-tls-verify`). @default the cluster's setting */
  readonly insecureSkipTlsVerify?: boolean;
  /** CA bundle file to verify the server with (kubectl `--certificate-authority`). @default the cluster's CA */
  readonly caFile?: string;
}

/** The chosen context, resolved. @internal */
export interface KubeContext {
  /** Context name (`in-cluster` for the service account). */
  readonly name: string;
  readonly server: string;
  readonly namespace: string | undefined;
  readonly cluster: KubeCluster;
  readonly clusterName: string;
  readonly user: KubeUser;
  readonly userName: string;
  /** File of the cluster entry (relative CA paths) and of the user entry (relative certificate, key, token, command paths). */
  readonly clusterFile: string;
  readonly userFile: string;
  /** How messages name the credentials, e.g. `context "kind-dev"`. */
  readonly credentials: string;
  readonly overrides: Pick<KubeconfigChoice, "token" | "insecureSkipTlsVerify" | "caFile">;
}

function configError(message: string): ClusterError {
  return new ClusterError("ConfigError", message);
}

function kubeconfigFiles(choice: KubeconfigChoice): string[] | "in-cluster" {
  if (choice.kubeconfig) return [choice.kubeconfig];
  const envFiles = (process.env.KUBECONFIG ?? "").split(path.delimiter).filter(Boolean);
  if (envFiles.length > 0) {
    const existing = envFiles.filter((f) => fs.existsSync(f));
    if (existing.length === 0) {
      throw configError(
        `KUBECONFIG names ${envFiles.join(", ")}, which does not exist; fix KUBECONFIG or pass --kubeconfig`,
      );
    }
    return existing;
  }
  const home = path.join(os.homedir(), ".kube", "config");
  if (fs.existsSync(home)) return [home];
  if (process.env.KUBERNETES_SERVICE_HOST && fs.existsSync(path.join(SERVICE_ACCOUNT, "token"))) return "in-cluster";
  throw configError(
    "no kubeconfig found: set KUBECONFIG or --kubeconfig, create ~/.kube/config (e.g. with your cloud's CLI), or use --argo-server",
  );
}

function inCluster(choice: KubeconfigChoice): KubeContext {
  const host = process.env.KUBERNETES_SERVICE_HOST ?? "";
  const port = process.env.KUBERNETES_SERVICE_PORT ?? "443";
  let namespace: string | undefined;
  try {
    namespace = fs.readFileSync(path.join(SERVICE_ACCOUNT, "namespace"), "utf8").trim() || undefined;
  } catch {
    namespace = undefined;
  }
  return {
    name: "in-cluster",
    server: `https://${host.includes(":") ? `[${host}]` : host}:${port}`,
    namespace,
    cluster: { "certificate-authority": path.join(SERVICE_ACCOUNT, "ca.crt") },
    clusterName: "in-cluster",
    user: { tokenFile: path.join(SERVICE_ACCOUNT, "token") },
    userName: "service account",
    clusterFile: SERVICE_ACCOUNT,
    userFile: SERVICE_ACCOUNT,
    credentials: "the in-cluster service account",
    overrides: overrides(choice),
  };
}

function overrides(choice: KubeconfigChoice): KubeContext["overrides"] {
  return {
    ...(choice.token ? { token: choice.token } : {}),
    ...(choice.insecureSkipTlsVerify ? { insecureSkipTlsVerify: true } : {}),
    ...(choice.caFile ? { caFile: choice.caFile } : {}),
  };
}

/**
 * Loads the kubeconfig and selects the context; `ConfigError` when there is none, it does not parse, or
 * the context, its cluster or its server is missing.
 *
 * @internal
 * @example
 * ```ts
 * const ctx = await loadKubeConfig({ context: "kind-dev" });
 * ctx.server; // "https://127.0.0.1:6443"
 * ```
 */
export async function loadKubeConfig(choice: KubeconfigChoice): Promise<KubeContext> {
  const files = kubeconfigFiles(choice);
  if (files === "in-cluster") return inCluster(choice);
  const data = await readKubeconfigFiles(files);
  const where = files.length === 1 ? `kubeconfig ${files[0]}` : `the kubeconfig (${files.join(", ")})`;
  const known = [...data.contexts.keys()];
  const name = choice.context ?? data.currentContext;
  if (!name) {
    throw configError(
      known.length
        ? `${where} has no current-context; pick one with --context (known contexts: ${known.join(", ")})`
        : `${where} has no contexts; add one (kubectl config set-context) or use --argo-server`,
    );
  }
  const ctx = data.contexts.get(name);
  if (!ctx) {
    throw configError(
      `context "${name}" is not in the kubeconfig; known contexts: ${known.join(", ") || "none"} (kubectl config get-contexts)`,
    );
  }
  const clusterName = ctx.value.cluster ?? "";
  const cluster = data.clusters.get(clusterName);
  if (!cluster) {
    throw configError(
      `the kubeconfig has no cluster${clusterName ? ` "${clusterName}"` : ""} for context "${name}"; pick a context with --context (kubectl config get-contexts)`,
    );
  }
  const server = cluster.value.server?.trim();
  if (!server) throw configError(`cluster "${clusterName}" of context "${name}" has no server in the kubeconfig`);
  const userName = ctx.value.user ?? "";
  const user = userName ? data.users.get(userName) : undefined;
  if (userName && !user && !choice.token) {
    throw configError(`the kubeconfig has no user "${userName}" for context "${name}" (kubectl config view)`);
  }
  return {
    name,
    server: /^[a-z][a-z0-9+.-]*:\/\//i.test(server) ? server.replace(/\/+$/, "") : `https://${server}`,
    namespace: ctx.value.namespace || undefined,
    cluster: cluster.value,
    clusterName,
    user: user?.value ?? {},
    userName: userName || "(none)",
    clusterFile: cluster.file,
    userFile: user?.file ?? cluster.file,
    credentials: choice.token ? "the --token given" : `context "${name}"`,
    overrides: overrides(choice),
  };
}

function credentialError(message: string, cause?: unknown): ClusterError {
  return new ClusterError("CredentialError", message, cause === undefined ? {} : { cause });
}

function resolveFrom(file: string, p: string): string {
  const expanded = p.startsWith("~/") ? path.join(os.homedir(), p.slice(2)) : p;
  return path.isAbsolute(expanded) ? expanded : path.resolve(path.dirname(file), expanded);
}

function readFileFor(what: string, field: string, file: string, p: string, errorOf = credentialError): Buffer {
  const full = resolveFrom(file, p);
  try {
    return fs.readFileSync(full);
  } catch (e) {
    const code = (e as { code?: string }).code;
    const why = code === "ENOENT" ? "does not exist" : `cannot be read (${code ?? "error"})`;
    throw errorOf(`${what} (${field} ${full}) ${why}; fix the path in the kubeconfig`, e);
  }
}

function base64(what: string, field: string, data: string, errorOf = credentialError): Buffer {
  const clean = data.replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/=_-]*$/.test(clean)) throw errorOf(`${what} (${field}) is not base64`);
  return Buffer.from(clean, "base64");
}

/**
 * The agent (TLS settings, client certificate) and auth headers of a context, for every request of the
 * Kubernetes client. Files and exec plugins are read on first use; an exec credential is run again when it
 * has expired.
 *
 * @internal
 * @example
 * ```ts
 * const creds = new KubeCredentials(await loadKubeConfig({}), 30_000);
 * const target = await creds.target();
 * ```
 */
export class KubeCredentials {
  private current: Promise<HttpTarget> | undefined;
  private expiresAt = Number.POSITIVE_INFINITY;

  constructor(
    private readonly ctx: KubeContext,
    private readonly timeoutMs: number,
  ) {}

  /** The target of the next request. */
  target(): Promise<HttpTarget> {
    if (!this.current || Date.now() >= this.expiresAt - 10_000) {
      this.current = this.build();
      this.current.catch(() => {
        this.current = undefined;
      });
    }
    return this.current;
  }

  private async build(): Promise<HttpTarget> {
    const { ctx } = this;
    const { cluster, user, overrides } = ctx;
    const who = `user "${ctx.userName}" of context "${ctx.name}"`;
    let proxy: URL | undefined;
    if (cluster["proxy-url"]) {
      try {
        proxy = new URL(cluster["proxy-url"]);
      } catch {
        throw configError(`cluster "${ctx.clusterName}": proxy-url is not a URL`);
      }
    }
    const headers: Record<string, string> = {};
    let cert: Buffer | undefined;
    let key: Buffer | undefined;
    let exec: ExecResult | undefined;
    if (overrides.token) {
      headers.Authorization = `Bearer ${overrides.token.trim()}`;
    } else {
      if (user.exec) {
        exec = await runExecPlugin(
          user.exec,
          { user: ctx.userName, file: ctx.userFile, cluster, clusterName: ctx.clusterName },
          this.timeoutMs,
        );
        this.expiresAt = exec.expiresAt ?? Number.POSITIVE_INFINITY;
      }
      const token = exec?.token ?? user.token ?? this.tokenFile(who);
      if (token) headers.Authorization = `Bearer ${token}`;
      else if (user.username !== undefined || user.password !== undefined) {
        headers.Authorization = `Basic ${Buffer.from(`${user.username ?? ""}:${user.password ?? ""}`).toString("base64")}`;
      } else if (user["auth-provider"]) {
        const ap = user["auth-provider"];
        const t = ap.config?.["id-token"] ?? ap.config?.["access-token"];
        if (!t) {
          throw credentialError(
            `${who} uses auth-provider "${ap.name ?? "?"}", which wfc does not support (kubectl dropped it too); use an exec credential plugin`,
          );
        }
        headers.Authorization = `Bearer ${t}`;
      }
      if (exec?.clientCertificateData && exec.clientKeyData) {
        cert = Buffer.from(exec.clientCertificateData);
        key = Buffer.from(exec.clientKeyData);
      } else {
        cert = this.pem(`the client certificate of ${who}`, "client-certificate", user);
        key = this.pem(`the client key of ${who}`, "client-key", user);
        if (cert && !key) throw credentialError(`${who} has a client certificate but no client key in the kubeconfig`);
        if (key && !cert) throw credentialError(`${who} has a client key but no client certificate in the kubeconfig`);
      }
    }
    const baseUrl = ctx.server;
    if (baseUrl.startsWith("http:")) {
      return { baseUrl, headers, agent: proxy ? proxyAgent(proxy, baseUrl, {}) : new http.Agent({ keepAlive: true }) };
    }
    const insecure = overrides.insecureSkipTlsVerify ?? cluster["insecure-skip-tls-verify"] === true;
    let ca: Buffer | undefined;
    if (!insecure) {
      const caError = (m: string, cause?: unknown): ClusterError =>
        new ClusterError("ConfigError", m, cause === undefined ? {} : { cause });
      if (overrides.caFile)
        ca = readFileFor("the CA bundle", "--ca-file", path.join(process.cwd(), "x"), overrides.caFile, caError);
      else if (cluster["certificate-authority-data"])
        ca = base64(
          `the CA of cluster "${ctx.clusterName}"`,
          "certificate-authority-data",
          cluster["certificate-authority-data"],
          caError,
        );
      else if (cluster["certificate-authority"])
        ca = readFileFor(
          `the CA of cluster "${ctx.clusterName}"`,
          "certificate-authority",
          ctx.clusterFile,
          cluster["certificate-authority"],
          caError,
        );
    }
    const tlsOptions: https.AgentOptions = {
      rejectUnauthorized: !insecure,
      ...(ca ? { ca } : {}),
      ...(cert && key ? { cert, key } : {}),
      ...(cluster["tls-server-name"] ? { servername: cluster["tls-server-name"] } : {}),
    };
    const agent = proxy ? proxyAgent(proxy, baseUrl, tlsOptions) : new https.Agent({ keepAlive: true, ...tlsOptions });
    return { baseUrl, headers, agent };
  }

  private tokenFile(who: string): string | undefined {
    const f = this.ctx.user.tokenFile;
    if (!f) return undefined;
    const token = readFileFor(`the token file of ${who}`, "tokenFile", this.ctx.userFile, f).toString("utf8").trim();
    if (!token) throw credentialError(`the token file of ${who} (${resolveFrom(this.ctx.userFile, f)}) is empty`);
    return token;
  }

  private pem(what: string, field: "client-certificate" | "client-key", user: KubeUser): Buffer | undefined {
    const data = user[`${field}-data`];
    if (data) return base64(what, `${field}-data`, data);
    const file = user[field];
    return file ? readFileFor(what, field, this.ctx.userFile, file) : undefined;
  }
}
