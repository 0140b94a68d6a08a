/**
 * Cluster commands keep the CLI's conventions (issue 12): one YAML writer for `-o yaml`,
 * `submit --from` checks required parameters, `logs` says when there is nothing to print.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Cluster, dagYaml, file, startCluster, TEMPLATE_YAML, wfc } from "./harness.js";

let c: Cluster;
beforeAll(async () => {
  // workflows run only once watched: a submitted workflow stays without pods for the logs test
  c = await startCluster({ controller: { stepMs: 5, startWhenWatched: true } });
});
afterAll(() => c.close());

describe.sequential("wfc cluster commands", () => {
  it("submit -o yaml and get -o yaml quote 2026-01-01 as build does (one YAML writer)", async () => {
    const wf = file(
      "wf.yaml",
      dagYaml({ name: "dated" })
        .replace("value: hello\n", "value: '2026-01-01'\n")
        .replace("enum: [hello, hi, bonjour]", "enum: ['2026-01-01']"),
    );
    const s = await wfc(["submit", wf, "-o", "yaml"], c.env);
    expect(s.stderr).toBe("");
    expect(s.code).toBe(0);
    expect(s.stdout).toContain("value: '2026-01-01'\n");
    const g = await wfc(["get", "dated", "-o", "yaml"], c.env);
    expect(g.code).toBe(0);
    expect(g.stdout).toContain("value: '2026-01-01'\n");
    expect(g.stdout).not.toMatch(/: 2026-01-01\n/);
  });

  it("submit --from checks the template's required parameters before creating anything", async () => {
    const required = TEMPLATE_YAML.replace("name: greet", "name: greet-required").replace("        value: world\n", "");
    expect((await wfc(["apply", file("t.yaml", required)], c.env)).code).toBe(0);
    const before = c.k8s.store.list("workflows", "ci").length;
    const r = await wfc(["submit", "--from", "workflowtemplate/greet-required"], c.env);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      "error: workflowtemplate/greet-required has required parameter without a default: give -p who=VALUE [E_CLUSTER_INPUT]\n",
    );
    expect(c.k8s.store.list("workflows", "ci").length).toBe(before);
    const ok = await wfc(["submit", "--from", "workflowtemplate/greet-required", "-p", "who=you", "-o", "name"], c.env);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^workflow\.argoproj\.io\/greet-required-\w+\n$/);
  });

  it("list -o wide adds the template and the parameters", async () => {
    const r = await wfc(["list", "-o", "wide"], c.env);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toMatch(
      /^NAME +STATUS +AGE +DURATION +PROGRESS +PRIORITY +P\/R\/C +TEMPLATE +PARAMETERS +MESSAGE$/,
    );
    expect(r.stdout).toMatch(/\ngreet-required-\w+ +\w+ .* greet-required +who=you/);
    expect(r.stdout).toMatch(/\ndated +\w+ .* - +message=2026-01-01/);
  });

  it("logs of a workflow without pods says so on stderr and exits 0 (like argo logs)", async () => {
    const s = await wfc(["submit", file("wf.yaml", dagYaml({ name: "no-pods-yet" }))], c.env);
    expect(s.code).toBe(0);
    const r = await wfc(["logs", "no-pods-yet"], c.env);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^wfc: workflow no-pods-yet has no pods \(phase \w+\)\n$/);
  });
});
