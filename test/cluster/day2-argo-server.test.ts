/**
 * The day-2 commands in Argo Server mode: each is one `PUT /api/v1/workflows/{ns}/{name}/{action}`
 * (or the CronWorkflow's), with the request body argo's CLI sends; Argo Events objects are refused
 * with a clear line (they go through the Kubernetes API).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ArgoServerDouble, startArgoServerDouble } from "../argo-server-double/server.js";
import { seedSuspended } from "./day2-seed.js";
import { type Cluster, CRON_YAML, dagYaml, file, startCluster, wfc } from "./harness.js";

let c: Cluster;
let argo: ArgoServerDouble;
let env: Record<string, string>;
beforeAll(async () => {
  c = await startCluster();
  argo = await startArgoServerDouble({ store: c.k8s.store, tokens: { "argo-secret": "alice" } });
  env = { KUBECONFIG: "/nonexistent", ARGO_SERVER: argo.httpUrl, ARGO_TOKEN: "argo-secret", ARGO_NAMESPACE: "ci" };
});
afterAll(async () => {
  await argo.close();
  await c.close();
});

const puts = (suffix: string) => argo.requests.filter((r) => r.method === "PUT" && r.path.endsWith(suffix));

describe("day-2 commands through the Argo Server", { timeout: 120_000 }, () => {
  it("stop, terminate, suspend, resume: one PUT each, with argo's request body", async () => {
    for (const n of ["as-stop", "as-term", "as-pause"]) seedSuspended(c.k8s.store, n);
    expect((await wfc(["stop", "as-stop", "--message", "enough"], env)).stdout).toBe("workflow as-stop stopped\n");
    expect(puts("/api/v1/workflows/ci/as-stop/stop").map((r) => r.body)).toEqual([
      { name: "as-stop", namespace: "ci", nodeFieldSelector: "", message: "enough" },
    ]);
    expect(c.k8s.store.get("workflows", "ci", "as-stop").spec.shutdown).toBe("Stop");
    expect((await wfc(["terminate", "as-term"], env)).stdout).toBe("workflow as-term terminated\n");
    expect(puts("/as-term/terminate")[0]?.body).toEqual({ name: "as-term", namespace: "ci" });
    expect((await wfc(["suspend", "as-pause"], env)).stdout).toBe("workflow as-pause suspended\n");
    expect(c.k8s.store.get("workflows", "ci", "as-pause").spec.suspend).toBe(true);
    const r = await wfc(["resume", "as-pause", "--node-field-selector", "displayName=approve"], env);
    expect(r.stdout).toBe("workflow as-pause resumed\n");
    expect(puts("/as-pause/resume")[0]?.body).toEqual({
      name: "as-pause",
      namespace: "ci",
      nodeFieldSelector: "displayName=approve",
    });
    // no request reached the Kubernetes API
    expect(c.k8s.requests.filter((q) => q.method !== "GET")).toEqual([]);
  });

  it("stopping a completed workflow: the server's refusal, one line, exit 1", async () => {
    seedSuspended(c.k8s.store, "as-done", { phase: "Succeeded" });
    const r = await wfc(["stop", "as-done"], env);
    expect(r.code).toBe(1);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/stopping Workflow "as-done" in namespace "ci": .*cannot shutdown a completed workflow/);
    const missing = await wfc(["retry", "as-nope"], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^error: retrying Workflow "as-nope" in namespace "ci": NotFound/);
  });

  it("retry and resubmit: PUT .../retry and .../resubmit with the options", async () => {
    await wfc(["submit", file("wf.yaml", dagYaml({ name: "as-retry", fail: true })), "--wait"], env);
    const r = await wfc(
      ["retry", "as-retry", "--restart-successful", "--node-field-selector", "displayName=a", "-p", "message=hi"],
      env,
    );
    expect(r.stdout).toBe("workflow as-retry retried\n");
    expect(puts("/as-retry/retry")[0]?.body).toEqual({
      name: "as-retry",
      namespace: "ci",
      restartSuccessful: true,
      nodeFieldSelector: "displayName=a",
      parameters: ["message=hi"],
    });
    // the double's controller reruns the reset nodes: b fails again
    expect((await wfc(["wait", "as-retry"], env)).stdout).toMatch(/^as-retry Failed at /);
    seedSuspended(c.k8s.store, "as-retry-running");
    const again = await wfc(["retry", "as-retry-running"], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/only Failed or Error workflows can be retried/);

    await wfc(["submit", file("wf.yaml", dagYaml({ name: "as-resub" })), "--wait"], env);
    const s = await wfc(["resubmit", "as-resub", "-o", "name"], env);
    expect(s.stdout).toMatch(/^workflow\.argoproj\.io\/as-resub-[a-z0-9]+\n$/);
    expect(puts("/as-resub/resubmit")[0]?.body).toEqual({ name: "as-resub", namespace: "ci", memoized: false });
  });

  it("cron suspend/resume, version; Argo Events objects need the Kubernetes API", async () => {
    await wfc(["apply", file("c.yaml", CRON_YAML.replace("name: nightly", "name: as-nightly"))], env);
    expect((await wfc(["cron", "suspend", "as-nightly"], env)).stdout).toBe("CronWorkflow as-nightly suspended\n");
    expect(puts("/api/v1/cron-workflows/ci/as-nightly/suspend")[0]?.body).toEqual({
      name: "as-nightly",
      namespace: "ci",
    });
    expect(c.k8s.store.get("cronworkflows", "ci", "as-nightly").spec.suspend).toBe(true);
    expect((await wfc(["cron", "resume", "as-nightly"], env)).stdout).toBe("CronWorkflow as-nightly resumed\n");
    const v = await wfc(["version"], env);
    expect(v.stdout).toMatch(/\nserver: http:\/\/127\.0\.0\.1:\d+ \(Argo Server\)\nargo: v4\.1\.0\n$/);
    const ev = await wfc(["list", "sensors"], env);
    expect(ev.code).toBe(1);
    expect(ev.stderr).toMatch(
      /^error: Sensor objects are managed through the Kubernetes API, which --argo-server mode does not use/,
    );
  });
});
