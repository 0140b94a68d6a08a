/**
 * Exec credential plugins (the `client.authentication.k8s.io` ExecCredential protocol, as kubectl runs
 * them): the plugin gets `KUBERNETES_EXEC_INFO`, prints an ExecCredential on stdout and exits 0. The
 * plugin's stderr is never relayed (it may hold refresh tokens): a failure says the exit code and how many
 * bytes it wrote. A plugin that does not answer within the request timeout is killed.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { ClusterError } from "../errors.js";
import { formatMs } from "../http-request.js";
import type { KubeCluster, KubeExec } from "./kubeconfig-file.js";

/** What a plugin returned. @internal */
export interface ExecResult {
  readonly token?: string;
  readonly clientCertificateData?: string;
  readonly clientKeyData?: string;
  /** When the credential expires (ms since the epoch). @default never */
  readonly expiresAt?: number;
}

/** Where the plugin was configured, for messages. @internal */
export interface ExecWhere {
  readonly user: string;
  /** The kubeconfig file that holds it (a relative command path is relative to it). */
  readonly file: string;
  /** The cluster, for `provideClusterInfo`. */
  readonly cluster?: KubeCluster;
  readonly clusterName?: string;
}

const MAX_OUTPUT = 1 << 20;

function credentialError(message: string): ClusterError {
  return new ClusterError("CredentialError", message);
}

/**
 * Runs the exec plugin and returns its credential; `CredentialError` when it is missing, fails, times out
 * or prints no valid ExecCredential.
 *
 * @internal
 * @example
 * ```ts
 * const cred = await runExecPlugin({ command: "aws", args: ["eks", "get-token"], apiVersion: "client.authentication.k8s.io/v1beta1" }, { user: "eks", file }, 30_000);
 * ```
 */
export function runExecPlugin(exec: KubeExec, where: ExecWhere, timeoutMs: number): Promise<ExecResult> {
  const command = exec.command;
  const who = `the credential plugin of user "${where.user}"`;
  if (!command) return Promise.reject(credentialError(`${who} has no command (users[].user.exec.command)`));
  const apiVersion = exec.apiVersion ?? "client.authentication.k8s.io/v1";
  const name = path.basename(command);
  // kubectl: a relative path with a separator is relative to the kubeconfig; a bare name is looked up on PATH
  const file =
    command.includes("/") && !path.isAbsolute(command) ? path.resolve(path.dirname(where.file), command) : command;
  const info = {
    apiVersion,
    kind: "ExecCredential",
    spec: {
      interactive: false,
      ...(exec.provideClusterInfo && where.cluster
        ? {
            cluster: {
              server: where.cluster.server,
              ...(where.cluster["certificate-authority-data"]
                ? { "certificate-authority-data": where.cluster["certificate-authority-data"] }
                : {}),
              ...(where.cluster["insecure-skip-tls-verify"] ? { "insecure-skip-tls-verify": true } : {}),
              ...(where.cluster["tls-server-name"] ? { "tls-server-name": where.cluster["tls-server-name"] } : {}),
            },
          }
        : {}),
    },
  };
  const env: Record<string, string | undefined> = { ...process.env, KUBERNETES_EXEC_INFO: JSON.stringify(info) };
  for (const e of exec.env ?? []) if (e?.name) env[e.name] = e.value ?? "";
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (err: ClusterError | undefined, value?: ExecResult): void => {
      if (settled) return;
      settled = true;
      if (timer) clearTimeout(timer);
      if (err) reject(err);
      else resolve(value as ExecResult);
    };
    let child: ReturnType<typeof spawn>;
    try {
      child = spawn(file, [...(exec.args ?? [])], { env, stdio: ["ignore", "pipe", "pipe"] });
    } catch (e) {
      finish(credentialError(`${who}: starting "${name}" failed (${(e as { code?: string }).code ?? "error"})`));
      return;
    }
    const out: Buffer[] = [];
    let outBytes = 0;
    let errBytes = 0;
    child.stdout?.on("data", (c: Buffer) => {
      outBytes += c.length;
      if (outBytes <= MAX_OUTPUT) out.push(c);
    });
    // counted, never shown: a plugin's diagnostics may hold refresh tokens
    child.stderr?.on("data", (c: Buffer) => {
      errBytes += c.length;
    });
    const timer =
      timeoutMs > 0
        ? setTimeout(() => {
            child.kill("SIGKILL");
            finish(
              credentialError(
                `${who} ("${name}") did not answer within ${formatMs(timeoutMs)} and was stopped; run it yourself to see why, or raise --request-timeout`,
              ),
            );
          }, timeoutMs)
        : undefined;
    child.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code === "ENOENT") {
        finish(
          credentialError(
            `${who}: "${name}" was not found${command.includes("/") ? "" : " on PATH"}${exec.installHint ? `; ${exec.installHint.trim().split("\n")[0]}` : "; install it or fix users[].user.exec.command in the kubeconfig"}`,
          ),
        );
      } else if (e.code === "EACCES") {
        finish(credentialError(`${who}: "${name}" is not executable (EACCES)`));
      } else {
        finish(credentialError(`${who}: running "${name}" failed (${e.code ?? e.message})`));
      }
    });
    child.on("close", (code, signal) => {
      if (settled) return;
      const stderrNote = errBytes ? `; its error output (${errBytes} bytes) is not shown as it may hold secrets` : "";
      if (code !== 0) {
        finish(
          credentialError(
            `${who} ("${name}") failed with ${signal ? `signal ${signal}` : `exit code ${code}`}${stderrNote}; run it yourself to see why`,
          ),
        );
        return;
      }
      let result: ExecResult;
      try {
        result = parseCredential(Buffer.concat(out).toString("utf8"), apiVersion, who, name, outBytes);
      } catch (e) {
        finish(e as ClusterError);
        return;
      }
      finish(undefined, result);
    });
  });
}

function parseCredential(text: string, apiVersion: string, who: string, name: string, bytes: number): ExecResult {
  const bad = (what: string): ClusterError =>
    credentialError(`${who} ("${name}") printed ${what}; expected an ExecCredential (${apiVersion}) as JSON on stdout`);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw bad(bytes ? `${bytes} bytes that are not JSON` : "nothing");
  }
  if (!doc || typeof doc !== "object" || Array.isArray(doc)) throw bad("JSON that is not an object");
  const cred = doc as { kind?: unknown; apiVersion?: unknown; status?: Record<string, unknown> };
  if (cred.kind !== "ExecCredential")
    throw bad(`an object of kind ${JSON.stringify(String(cred.kind ?? "")).slice(0, 60)}`);
  if (cred.apiVersion !== apiVersion) {
    throw bad(
      `apiVersion ${JSON.stringify(String(cred.apiVersion ?? "")).slice(0, 80)} while the kubeconfig asks for it`,
    );
  }
  const st = cred.status;
  if (!st || typeof st !== "object") throw bad("an ExecCredential without status");
  const token = typeof st.token === "string" && st.token ? st.token : undefined;
  const cert =
    typeof st.clientCertificateData === "string" && st.clientCertificateData ? st.clientCertificateData : undefined;
  const key = typeof st.clientKeyData === "string" && st.clientKeyData ? st.clientKeyData : undefined;
  if (!token && !(cert && key)) {
    throw bad(
      cert || key
        ? "a client certificate without its key (or a key without its certificate)"
        : "an ExecCredential with neither status.token nor a client certificate",
    );
  }
  const exp = typeof st.expirationTimestamp === "string" ? Date.parse(st.expirationTimestamp) : Number.NaN;
  return {
    ...(token ? { token } : {}),
    ...(cert && key ? { clientCertificateData: cert, clientKeyData: key } : {}),
    ...(Number.isFinite(exp) ? { expiresAt: exp } : {}),
  };
}
