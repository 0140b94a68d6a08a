/**
 * `--argo-version` on the cluster commands: against an API server with Argo 3.5's CRDs (the double
 * validating with 3.5's vendored schema), `apply`/`submit`/`lint --server` send the manifest in 3.5's
 * fields; without the flag the server rejects the 4.1 fields; a feature 3.5 lacks is refused
 * before anything is sent.
 */
import { validateManifest } from "@wfc/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Cluster, CRON_YAML, file, ROOT, startCluster, wfc } from "./harness.js";

let c: Cluster;
beforeAll(async () => {
  c = await startCluster({ validate: (obj) => validateManifest(obj, { argoVersion: "3.5" }) });
});
afterAll(() => c.close());

const writes = () => c.k8s.requests.filter((r) => r.method === "POST" || r.method === "PUT" || r.method === "PATCH");

describe.sequential("an Argo 3.5 cluster", () => {
  it("rejects the 4.1 fields wfc emits by default (the server's verdict)", async () => {
    const r = await wfc(["apply", file("cron.yaml", CRON_YAML)], c.env);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`strict decoding error: unknown field "spec.schedules"`);
    expect(c.k8s.store.list("cronworkflows", "ci")).toEqual([]);
  });

  it("apply --argo-version 3.5 sends `schedule`, and the server accepts it", async () => {
    const r = await wfc(["apply", "--argo-version", "3.5", file("cron.yaml", CRON_YAML)], c.env);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("cronworkflow.argoproj.io/nightly created\n");
    const stored = c.k8s.store.get("cronworkflows", "ci", "nightly");
    expect(stored.spec.schedule).toBe("0 3 * * *");
    expect(stored.spec.schedules).toBeUndefined();
  });

  it("lint --server --argo-version 3.5 has the server accept the lowered manifest", async () => {
    const cron = file("lint.yaml", CRON_YAML.replace("name: nightly", "name: nightly-lint"));
    const r = await wfc(["lint", "--server", "--argo-version", "3.5", cron], c.env);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("CronWorkflow/nightly-lint: accepted by the server (dry run)");
    expect(c.k8s.store.list("cronworkflows", "ci").map((x) => x.metadata.name)).toEqual(["nightly"]);
  });

  it("submit --argo-version 3.5 of a feature 3.5 lacks is refused before anything is sent", async () => {
    const before = writes().length;
    const wf = `${ROOT}vendor/argo/examples/retry-backoff.yaml`;
    const r = await wfc(["submit", "--argo-version", "3.5", wf], c.env);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      "Workflow/retry-backoff-, template retry-backoff: spec.templates[0].retryStrategy.backoff.cap: retry backoff cap (retryStrategy.backoff.cap) needs Argo 3.7; the target is Argo 3.5 [E_ARGO_VERSION]",
    );
    expect(r.stderr).toMatch(/nothing was sent \[E_ARGO_VERSION\]\n$/);
    expect(writes().length).toBe(before);
  });

  it("submit --argo-version 3.5 of a workflow it can express creates it", async () => {
    const r = await wfc(["submit", "--argo-version", "3.5", `${ROOT}vendor/argo/examples/hello-world.yaml`], c.env);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^workflow\.argoproj\.io\/hello-world-\w+ created\n$/);
  });
});
