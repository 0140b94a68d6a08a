/**
 * `wfc get NAME --report FILE.html` after a cluster run (the Kubernetes double of test/cluster):
 * the report is written from the Workflow's status as read through the client.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Cluster, dagYaml, file, startCluster, wfc } from "../cluster/harness.js";

let c: Cluster;
beforeAll(async () => {
  c = await startCluster();
});
afterAll(() => c.close());

describe("wfc get --report", () => {
  it("writes the report of a finished cluster workflow: phase, nodes, no logs", async () => {
    const sub = await wfc(["submit", file("wf.yaml", dagYaml({ name: "report-me" })), "--wait"], c.env);
    expect(sub.code, sub.stderr).toBe(0);
    const out = join(mkdtempSync(join(tmpdir(), "wfc-get-report-")), "r.html");
    const g = await wfc(["get", "report-me", "--report", out], c.env);
    expect(g.code, g.stderr).toBe(0);
    expect(g.stderr).toBe(`report: ${out}\n`);
    const html = readFileSync(out, "utf8");
    expect(html).toContain('<span class="badge" id="wf-phase" style="background:#15803d">Succeeded</span>');
    expect(html.match(/<g class="wfc-node" data-node="[^"]+" data-id="[^"]+" data-phase="Succeeded">/g)?.length).toBe(
      3,
    );
    expect(html).toContain("logs are not in this report: wfc logs report-me");
    expect(html).not.toContain('id="failure"');
  });

  it("refuses another kind, naming it", async () => {
    const g = await wfc(["get", "workflowtemplate/nothing", "--report", join(tmpdir(), "x.html")], c.env);
    expect(g.code).toBe(1);
    expect(g.stderr).toMatch(/--report needs a Workflow, not WorkflowTemplate\/nothing/);
  });
});
