import { validateManifest } from "@wfc/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Cluster, dagYaml, file, type Run, startCluster, wfc } from "./harness.js";

let c: Cluster;
beforeAll(async () => {
  // the server knows a rule wfc's own check does not (an admission policy): objects labelled
  // policy=deny are Invalid, with two causes
  c = await startCluster({
    validate: (o) => [
      ...validateManifest(o),
      ...((o as { metadata?: { labels?: Record<string, string> } }).metadata?.labels?.policy === "deny"
        ? [
            { path: "metadata.labels[policy]", message: "denied by policy" },
            { path: "spec.templates[1].container.imagePullPolicy", message: "must be Always in this cluster" },
          ]
        : []),
    ],
  });
});
afterAll(() => c.close());

/** One line on stderr, nothing on stdout, exit 1, and no token anywhere. */
function expectOneLineError(r: Run, pattern: RegExp): void {
  expect(r.code).toBe(1);
  expect(r.stdout).toBe("");
  expect(r.stderr).toMatch(/^error: [^\n]+\n$/);
  expect(r.stderr).toMatch(pattern);
  for (const secret of ["admin-token", "viewer-token", "wrong-secret-token"]) {
    expect(r.stderr).not.toContain(secret);
  }
}

describe.concurrent("cluster errors become one clear line", () => {
  it("401 Unauthorized", async () => {
    const r = await wfc(["get", "anything", "--context", "badtoken"], c.env);
    expectOneLineError(
      r,
      /getting Workflow "anything" in namespace "ci": Unauthorized \(401\); the server did not accept the credentials of context "badtoken"; log in again/,
    );
  });

  it("403 Forbidden names the verb, resource and namespace", async () => {
    const r = await wfc(["submit", file("wf.yaml", dagYaml()), "--context", "viewer"], c.env);
    expectOneLineError(
      r,
      /creating Workflow "hello-\*" in namespace "ci": Forbidden \(403\): workflows\.argoproj\.io is forbidden: User "viewer" cannot create resource "workflows" in API group "argoproj\.io" in the namespace "ci"; ask a cluster admin to grant "create workflows\.argoproj\.io" in namespace "ci"/,
    );
  });

  it("404 NotFound", async () => {
    const r = await wfc(["get", "no-such-workflow"], c.env);
    expectOneLineError(
      r,
      /NotFound \(404\): workflows\.argoproj\.io "no-such-workflow" not found; check the name and namespace \(wfc list -n ci\)/,
    );
    const del = await wfc(["delete", "workflowtemplate/nope"], c.env);
    expectOneLineError(del, /deleting WorkflowTemplate "nope" in namespace "ci": NotFound \(404\)/);
    expect((await wfc(["delete", "nope", "--ignore-not-found"], c.env)).code).toBe(0);
  });

  it("409 AlreadyExists", async () => {
    const wf = file("wf.yaml", dagYaml({ name: "fixed-name" }));
    expect((await wfc(["submit", wf], c.env)).code).toBe(0);
    const r = await wfc(["submit", wf], c.env);
    expectOneLineError(
      r,
      /creating Workflow "fixed-name" in namespace "ci": AlreadyExists \(409\): workflows\.argoproj\.io "fixed-name" already exists; pick another name, use metadata\.generateName/,
    );
  });

  it("422 Invalid: each cause of Status.details.causes located in the user's file, in wfc's one format", async () => {
    const bad = dagYaml().replace("metadata:\n", "metadata:\n  labels: { policy: deny }\n");
    const f = file("wf.yaml", bad);
    const r = await wfc(["submit", f], c.env);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      `${f}:4:13: Workflow/hello-: metadata.labels[policy]: denied by policy (server) [E_SERVER_INVALID]\n` +
        `${f}:29:7: Workflow/hello-, template echo: spec.templates[1].container.imagePullPolicy: must be Always in this cluster (server) [E_SERVER_INVALID]\n` +
        "error: 2 problems found; rejected by the server [E_SERVER_INVALID]\n",
    );
  });

  it("connection refused", async () => {
    const r = await wfc(["list", "--context", "refused"], c.env);
    expectOneLineError(
      r,
      /listing workflows in namespace "ci": cannot connect to https:\/\/127\.0\.0\.1:1: connection refused; is the server running, and is the server address of context "refused" right\?/,
    );
  });

  it("TLS failure (server certificate not trusted)", async () => {
    const r = await wfc(["list", "--context", "noca"], c.env);
    expectOneLineError(
      r,
      /TLS handshake with https:\/\/127\.0\.0\.1:\d+ failed \(DEPTH_ZERO_SELF_SIGNED_CERT: .*\); provide the server's CA/,
    );
  });

  it("timeout", async () => {
    c.k8s.faults.delayPath = /\/slowpoke$/;
    c.k8s.faults.delayMs = 60_000;
    const started = Date.now();
    const r = await wfc(["get", "slowpoke", "--request-timeout", "300ms"], c.env);
    expectOneLineError(
      r,
      /getting Workflow "slowpoke" in namespace "ci": timed out waiting for https:\/\/127\.0\.0\.1:\d+ \(no response within 300ms\).*raise --request-timeout/,
    );
    // the server would answer after 60s; the client gave up long before
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it("missing kubeconfig and unknown context", async () => {
    const none = await wfc(["list"], { KUBECONFIG: "/does/not/exist" });
    expectOneLineError(none, /KUBECONFIG names \/does\/not\/exist, which does not exist/);
    const ctx = await wfc(["list", "--context", "prod"], c.env);
    expectOneLineError(
      ctx,
      /context "prod" is not in the kubeconfig; known contexts: admin, plain, viewer, badtoken, noca, refused/,
    );
  });

  it("usage errors exit 2", async () => {
    const r = await wfc(["submit", "--dry-run=maybe", "x.yaml"], c.env);
    expect(r.code).toBe(2);
    const o = await wfc(["get", "x", "-o", "table"], c.env);
    expect(o.code).toBe(2);
  });
});
