/**
 * Every module of examples/events/ deploys with wfc's apply (each into its own namespace, since the
 * examples reuse names): all its objects are created, in dependency order. The modules are loaded
 * and applied in-process with the same functions `wfc apply` calls (loadManifests, the strict check,
 * applyAll); test/cluster/events-apply.test.ts runs the binary itself.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyAll, connectKubernetes, type KubeObject } from "../../packages/client/dist/index.js";
import { type Cluster, ROOT, startCluster } from "./harness.js";

const DIR = path.join(ROOT, "examples/events");
const MODULES = readdirSync(DIR)
  .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
  .sort();

let c: Cluster;
beforeAll(async () => {
  c = await startCluster();
});
afterAll(() => c.close());

const PLURAL: Record<string, string> = {
  EventBus: "eventbus",
  EventSource: "eventsources",
  Sensor: "sensors",
  WorkflowTemplate: "workflowtemplates",
  ClusterWorkflowTemplate: "clusterworkflowtemplates",
  CronWorkflow: "cronworkflows",
};
const RANK: Record<string, number> = { EventBus: 0, EventSource: 2, Sensor: 3 };

describe("wfc apply of every examples/events module", () => {
  it(`deploys every object of the ${MODULES.length} modules`, async () => {
    const { loadManifests } = await import("../../packages/cli/dist/load.js");
    const { assertValid } = await import("../../packages/cli/dist/check.js");
    expect(MODULES.length).toBeGreaterThanOrEqual(90);
    let objects = 0;
    for (const [i, m] of MODULES.entries()) {
      const ns = `ex-${i}`;
      const loaded = await loadManifests([path.join(DIR, m)]);
      assertValid(loaded);
      const manifests = loaded.map((l) => l.manifest as unknown as KubeObject);
      const client = await connectKubernetes({ kubeconfig: c.kubeconfig, context: "admin", namespace: ns });
      const results = await applyAll(client, manifests, { fieldValidation: "Strict" });
      expect(
        results.map((r) => r.action),
        m,
      ).toEqual(manifests.map(() => "created"));
      // dependency order
      const ranks = results.map((r) => RANK[String(manifests[r.index]?.kind)] ?? 1);
      expect(
        [...ranks].sort((a, b) => a - b),
        m,
      ).toEqual(ranks);
      for (const man of manifests) {
        const scoped = man.kind === "ClusterWorkflowTemplate" ? "" : (man.metadata?.namespace ?? ns);
        const stored = c.k8s.store.get(PLURAL[String(man.kind)] ?? "?", scoped, man.metadata?.name ?? "");
        expect(stored.spec, `${m}: ${man.kind}/${man.metadata?.name}`).toEqual(man.spec);
        objects++;
      }
      // cluster-scoped templates are shared by the namespaces: remove them for the next module
      for (const man of manifests)
        if (man.kind === "ClusterWorkflowTemplate")
          c.k8s.store.delete("clusterworkflowtemplates", "", man.metadata?.name ?? "");
    }
    expect(objects).toBeGreaterThanOrEqual(MODULES.length);
  }, 240_000);
});
