import { mkdtempSync, writeFileSync } from "node:fs";
import https from "node:https";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { writeKubeconfig } from "../../../../test/k8s-double/kubeconfig.js";
import { ClusterError } from "../errors.js";
import { KubeCredentials, loadKubeConfig } from "./kubeconfig.js";

const savedEnv = process.env.KUBECONFIG;
afterEach(() => {
  if (savedEnv === undefined) delete process.env.KUBECONFIG;
  else process.env.KUBECONFIG = savedEnv;
});

async function configError(fn: () => Promise<unknown>): Promise<ClusterError> {
  try {
    await fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ClusterError);
    expect((err as ClusterError).code).toBe("ConfigError");
    return err as ClusterError;
  }
  throw new Error("expected a ConfigError");
}

const contexts = [
  { name: "dev", server: "http://127.0.0.1:1", namespace: "ci", token: "secret-token" },
  { name: "prod", server: "https://prod.example:6443" },
];

describe("loadKubeConfig", () => {
  it("loads --kubeconfig and picks --context", async () => {
    const file = writeKubeconfig(contexts);
    const dev = await loadKubeConfig({ kubeconfig: file });
    expect(dev.name).toBe("dev");
    expect(dev.namespace).toBe("ci");
    const prod = await loadKubeConfig({ kubeconfig: file, context: "prod" });
    expect(prod.server).toBe("https://prod.example:6443");
    expect(prod.cluster["insecure-skip-tls-verify"]).toBeUndefined();
  });

  it("a missing --kubeconfig file or an unknown context is a ConfigError that says what to do", async () => {
    expect((await configError(() => loadKubeConfig({ kubeconfig: "/nonexistent/kubeconfig" }))).message).toBe(
      "kubeconfig /nonexistent/kubeconfig does not exist; check --kubeconfig or KUBECONFIG",
    );
    const file = writeKubeconfig(contexts);
    expect((await configError(() => loadKubeConfig({ kubeconfig: file, context: "staging" }))).message).toBe(
      'context "staging" is not in the kubeconfig; known contexts: dev, prod (kubectl config get-contexts)',
    );
  });

  it("KUBECONFIG: missing files are skipped; when none exists it is a ConfigError", async () => {
    const file = writeKubeconfig(contexts);
    process.env.KUBECONFIG = ["/nonexistent/a", file].join(path.delimiter);
    expect((await loadKubeConfig({})).name).toBe("dev");
    process.env.KUBECONFIG = "/nonexistent/a";
    expect((await configError(() => loadKubeConfig({}))).message).toMatch(
      /^KUBECONFIG names \/nonexistent\/a, which does not exist/,
    );
  });

  it("KUBECONFIG with several files: the first file to name an entry or a current-context wins", async () => {
    const a = writeKubeconfig([{ name: "dev", server: "https://a.example", token: "from-a" }]);
    const b = writeKubeconfig([
      { name: "prod", server: "https://b.example" },
      { name: "dev", server: "https://b-dev.example", token: "from-b" },
    ]);
    process.env.KUBECONFIG = [a, b].join(path.delimiter);
    const dev = await loadKubeConfig({});
    expect(dev.name).toBe("dev");
    expect(dev.server).toBe("https://a.example");
    expect(dev.user.token).toBe("from-a");
    expect((await loadKubeConfig({ context: "prod" })).server).toBe("https://b.example");
  });
});

describe("KubeCredentials", () => {
  it("carries the context's server and token; --token overrides it", async () => {
    const file = writeKubeconfig(contexts);
    const target = await new KubeCredentials(await loadKubeConfig({ kubeconfig: file }), 1000).target();
    expect(target.baseUrl).toBe("http://127.0.0.1:1");
    expect(target.headers?.Authorization).toBe("Bearer secret-token");
    const over = await new KubeCredentials(await loadKubeConfig({ kubeconfig: file, token: "flag" }), 1000).target();
    expect(over.headers?.Authorization).toBe("Bearer flag");
  });

  it("reads YAML; tokenFile and certificate-authority paths are relative to the kubeconfig's directory", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "wfc-kc-"));
    writeFileSync(path.join(dir, "token"), "file-token\n");
    writeFileSync(path.join(dir, "ca.pem"), "-----BEGIN CERTIFICATE-----\nnot really\n-----END CERTIFICATE-----\n");
    const file = path.join(dir, "config");
    writeFileSync(
      file,
      [
        "current-context: c",
        "clusters: [{ name: k, cluster: { server: 'https://k.example:6443', certificate-authority: ca.pem, tls-server-name: api.k } }]",
        "users: [{ name: u, user: { tokenFile: token } }]",
        "contexts: [{ name: c, context: { cluster: k, user: u, namespace: team } }]",
        "",
      ].join("\n"),
    );
    const ctx = await loadKubeConfig({ kubeconfig: file });
    expect([ctx.name, ctx.namespace, ctx.server]).toEqual(["c", "team", "https://k.example:6443"]);
    const target = await new KubeCredentials(ctx, 1000).target();
    expect(target.headers?.Authorization).toBe("Bearer file-token");
    const agent = target.agent as https.Agent;
    expect(agent).toBeInstanceOf(https.Agent);
    expect(String(agent.options.ca)).toContain("not really");
    expect(agent.options.servername).toBe("api.k");
    expect(agent.options.rejectUnauthorized).toBe(true);
    const insecure = await new KubeCredentials(
      await loadKubeConfig({ kubeconfig: file, insecureSkipTlsVerify: true }),
      1000,
    ).target();
    expect((insecure.agent as https.Agent).options.rejectUnauthorized).toBe(false);
    expect((insecure.agent as https.Agent).options.ca).toBeUndefined();
  });
});
