import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ArgoServerDouble, startArgoServerDouble } from "../argo-server-double/server.js";
import { type Cluster, dagYaml, file, scratch, startCluster, TEMPLATE_YAML, wfc } from "./harness.js";

let c: Cluster;
let argo: ArgoServerDouble;
let caFile: string;
let env: Record<string, string>;
beforeAll(async () => {
  // workflows start once watched (here: through the Argo Server), so --watch sees the transitions it
  // needs to have its event stream dropped however slow the machine is; without this a loaded machine
  // let the controller finish before the watch opened and there was no stream to drop
  c = await startCluster({ controller: { stepMs: 5, startWhenWatched: true } });
  argo = await startArgoServerDouble({
    store: c.k8s.store,
    controller: c.k8s.controller,
    tokens: { "argo-secret": "alice" },
  });
  caFile = path.join(scratch(), "ca.pem");
  writeFileSync(caFile, argo.caPem);
  // no kubeconfig at all: everything must go through the Argo Server
  env = {
    KUBECONFIG: "/nonexistent",
    ARGO_SERVER: argo.httpsUrl,
    ARGO_TOKEN: "argo-secret",
    ARGO_NAMESPACE: "argo-ns",
  };
});
afterAll(async () => {
  await argo.close();
  await c.close();
});

describe("Argo Server mode", () => {
  it("the strict check runs before anything is sent: a misspelt field, exit 1, no request", async () => {
    const before = argo.requests.length;
    const bad = file(
      "wf.yaml",
      dagYaml({ name: "via-argo-bad" }).replace("image: alpine:3.20", "image: alpine:3.20\n        comand: [x]"),
    );
    const r = await wfc(["submit", bad, "--ca-file", caFile], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /wf\.yaml:\d+:\d+: Workflow\/via-argo-bad, template echo: spec\.templates\[1\]\.container\.comand: unknown field \[E_SCHEMA\]\n/,
    );
    expect(argo.requests.length).toBe(before);
  });

  it("submit --watch through the Argo Server, resuming after a dropped event stream", async () => {
    argo.dropWatchAfterEventsOnce = 3;
    const r = await wfc(
      ["submit", file("wf.yaml", dagYaml({ name: "via-argo" })), "--watch", "--ca-file", caFile],
      env,
    );
    expect(r.stdout).toMatch(/✔ via-argo Succeeded\n$/);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/reconnecting/);
    expect(argo.requests.filter((q) => q.path === "/api/v1/workflow-events/argo-ns").length).toBeGreaterThanOrEqual(2);
    expect(argo.requests.every((q) => q.authorization === "Bearer argo-secret")).toBe(true);
    const logs = await wfc(["logs", "via-argo", "-k"], env);
    expect(logs.stdout).toBe("a: hello\nb: b ran\n");
    const list = await wfc(["list", "-o", "name", "-k"], env);
    expect(list.stdout).toContain("workflow.argoproj.io/via-argo\n");
    expect((await wfc(["get", "via-argo", "-k"], env)).stdout).toMatch(/Status: +Succeeded/);
    expect((await wfc(["delete", "via-argo", "-k"], env)).stdout).toBe('workflow.argoproj.io "via-argo" deleted\n');
  });

  it("flags instead of environment; apply is idempotent", async () => {
    const flags = ["--argo-server", argo.httpUrl, "--token", "argo-secret", "-n", "argo-ns"];
    const t = file("t.yaml", TEMPLATE_YAML);
    expect((await wfc(["apply", t, ...flags], { KUBECONFIG: "/nonexistent" })).stdout).toBe(
      "workflowtemplate.argoproj.io/greet created\n",
    );
    expect((await wfc(["apply", t, ...flags], { KUBECONFIG: "/nonexistent" })).stdout).toBe(
      "workflowtemplate.argoproj.io/greet unchanged\n",
    );
    const r = await wfc(
      ["submit", "--from", "workflowtemplate/greet", "-p", "who=argo", "--wait", "-o", "name", ...flags],
      { KUBECONFIG: "/nonexistent" },
    );
    expect(r.code).toBe(0);
  });

  it("errors: bad token (401), untrusted certificate, not found", async () => {
    const bad = await wfc(["list", "-k"], { ...env, ARGO_TOKEN: "stolen-token-value" });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(
      /^error: listing workflows in namespace "argo-ns": Unauthorized \(401\): token not valid.*; the server did not accept the credentials of the Argo Server token \(--token or ARGO_TOKEN\)/,
    );
    expect(bad.stderr).not.toContain("stolen-token-value");
    const tls = await wfc(["list"], env);
    expect(tls.code).toBe(1);
    expect(tls.stderr).toMatch(/TLS handshake with https:\/\/127\.0\.0\.1:\d+ failed/);
    const nf = await wfc(["get", "nope", "-k"], env);
    expect(nf.stderr).toMatch(/NotFound \(404\): workflows\.argoproj\.io "nope" not found/);
  });
});
