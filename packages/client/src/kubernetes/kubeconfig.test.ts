import path from "node:path";
import * as k8s from "@kubernetes/client-node";
import { afterEach, describe, expect, it } from "vitest";
import { writeKubeconfig } from "../../../../test/k8s-double/kubeconfig.js";
import { ClusterError } from "../errors.js";
import { kubeconfigTarget, loadKubeConfig } from "./kubeconfig.js";

const savedEnv = process.env.KUBECONFIG;
afterEach(() => {
  if (savedEnv === undefined) delete process.env.KUBECONFIG;
  else process.env.KUBECONFIG = savedEnv;
});

function configError(fn: () => unknown): ClusterError {
  try {
    fn();
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
  it("loads --kubeconfig, picks --context, and lets http:// servers skip TLS like kubectl", () => {
    const file = writeKubeconfig(contexts);
    const dev = loadKubeConfig(k8s, { kubeconfig: file });
    expect(dev.getCurrentContext()).toBe("dev");
    expect(dev.getCurrentCluster()?.skipTLSVerify).toBe(true);
    const prod = loadKubeConfig(k8s, { kubeconfig: file, context: "prod" });
    expect(prod.getCurrentCluster()?.server).toBe("https://prod.example:6443");
    expect(prod.getCurrentCluster()?.skipTLSVerify).toBeFalsy();
  });

  it("a missing --kubeconfig file or an unknown context is a ConfigError that says what to do", () => {
    expect(configError(() => loadKubeConfig(k8s, { kubeconfig: "/nonexistent/kubeconfig" })).message).toBe(
      "reading the kubeconfig failed: file /nonexistent/kubeconfig does not exist; check the file (kubectl config view)",
    );
    const file = writeKubeconfig(contexts);
    expect(configError(() => loadKubeConfig(k8s, { kubeconfig: file, context: "staging" })).message).toBe(
      'context "staging" is not in the kubeconfig; known contexts: dev, prod (kubectl config get-contexts)',
    );
  });

  it("KUBECONFIG: missing files are skipped; when none exists it is a ConfigError", () => {
    const file = writeKubeconfig(contexts);
    process.env.KUBECONFIG = ["/nonexistent/a", file].join(path.delimiter);
    expect(loadKubeConfig(k8s, {}).getCurrentContext()).toBe("dev");
    process.env.KUBECONFIG = "/nonexistent/a";
    expect(configError(() => loadKubeConfig(k8s, {})).message).toMatch(
      /^reading the kubeconfig failed: KUBECONFIG names \/nonexistent\/a, which does not exist/,
    );
  });
});

describe("kubeconfigTarget", () => {
  it("carries the context's server and token", async () => {
    const kc = loadKubeConfig(k8s, { kubeconfig: writeKubeconfig(contexts) });
    const target = await kubeconfigTarget(kc, "http://127.0.0.1:1");
    expect(target.baseUrl).toBe("http://127.0.0.1:1");
    expect(target.headers?.Authorization).toBe("Bearer secret-token");
  });
});
