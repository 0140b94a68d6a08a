/**
 * Writes kubeconfig files pointing at a double.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** One context of a generated kubeconfig. */
export interface KubeconfigContext {
  readonly name: string;
  readonly server: string;
  /** CA PEM; omitted means "verify against system roots". @default none */
  readonly caPem?: string;
  /** Bearer token. @default none */
  readonly token?: string;
  readonly namespace?: string;
  /** @default false */
  readonly insecureSkipTlsVerify?: boolean;
}

/**
 * Writes a kubeconfig (YAML-compatible JSON) and returns its path. The first context is current.
 *
 * @example
 * ```ts
 * const file = writeKubeconfig([{ name: "double", server: k8s.httpsUrl, caPem: k8s.caPem, token: "t" }]);
 * ```
 */
export function writeKubeconfig(
  contexts: readonly KubeconfigContext[],
  dir = mkdtempSync(path.join(tmpdir(), "wfc-kubeconfig-")),
): string {
  const config = {
    apiVersion: "v1",
    kind: "Config",
    "current-context": contexts[0]?.name,
    clusters: contexts.map((c) => ({
      name: c.name,
      cluster: {
        server: c.server,
        ...(c.caPem ? { "certificate-authority-data": Buffer.from(c.caPem).toString("base64") } : {}),
        ...(c.insecureSkipTlsVerify ? { "insecure-skip-tls-verify": true } : {}),
      },
    })),
    users: contexts.map((c) => ({ name: c.name, user: c.token ? { token: c.token } : {} })),
    contexts: contexts.map((c) => ({
      name: c.name,
      context: { cluster: c.name, user: c.name, ...(c.namespace ? { namespace: c.namespace } : {}) },
    })),
  };
  const file = path.join(dir, "config");
  writeFileSync(file, JSON.stringify(config, null, 2));
  return file;
}
