import { validateManifest } from "@wfc/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Cluster, dagYaml, file, startCluster, wfc } from "./harness.js";

// `wfc lint --server`: manifests that pass the local checks are sent to the API server as a
// server-side dry run. This double adds one rule the local schema does not have (a label policy,
// as an admission webhook would), so the test sees problems only the server knows about.
let c: Cluster;
beforeAll(async () => {
  c = await startCluster({
    validate: (obj: unknown) => {
      const issues = validateManifest(obj);
      const labels = (obj as { metadata?: { labels?: Record<string, string> } }).metadata?.labels ?? {};
      if (!labels.team)
        issues.push({ path: "metadata.labels.team", message: "Required value: every workflow needs a team label" });
      return issues;
    },
  });
});
afterAll(() => c.close());

describe("wfc lint --server", () => {
  it("reports what only the server rejects, with the field path, and exits 1; nothing is created", async () => {
    const r = await wfc(["lint", "--server", file("wf.yaml", dagYaml({ name: "lint-me" }))], c.env);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /Workflow\/lint-me: metadata\.labels\.team: .*every workflow needs a team label \(server\)/,
    );
    expect(
      c.k8s.store.list("workflows", "ci").filter((w) => (w.metadata as { name: string }).name === "lint-me"),
    ).toEqual([]);
  });

  it("passes a manifest the server accepts, without creating it", async () => {
    const yaml = dagYaml({ name: "lint-ok" }).replace("metadata:\n", "metadata:\n  labels:\n    team: data\n");
    const r = await wfc(["lint", "--server", file("ok.yaml", yaml)], c.env);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Workflow/lint-ok: accepted by the server (dry run)");
    expect(c.k8s.store.list("workflows", "ci").some((w) => (w.metadata as { name: string }).name === "lint-ok")).toBe(
      false,
    );
  });

  it("a cluster error (forbidden) is an error, not a lint finding", async () => {
    const r = await wfc(
      ["lint", "--server", "--context", "viewer", file("wf.yaml", dagYaml({ name: "lint-forbidden" }))],
      c.env,
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/forbidden/i);
  });
});
