/**
 * argo's flags on the day-2 commands: `retry --log` and `resubmit --log` print the logs while the
 * rerun runs; `watch --status` and `--node-field-selector` filter the tree.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Cluster, dagYaml, file, startCluster, wfc } from "./harness.js";

let c: Cluster;
beforeAll(async () => {
  c = await startCluster();
});
afterAll(() => c.close());

/** `a` echoes, `b` exits with parameter `code` (3: it fails). */
const flakyYaml = (name: string): string => `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  name: ${name}
spec:
  entrypoint: main
  arguments:
    parameters: [{ name: code, value: "3" }]
  templates:
    - name: main
      dag:
        tasks:
          - { name: a, template: first }
          - { name: b, template: second, dependencies: [a] }
    - name: first
      container: { image: alpine:3.20, command: [sh, -c, "echo first run"] }
    - name: second
      container: { image: alpine:3.20, command: [sh, -c, "echo trying; exit {{workflow.parameters.code}}"] }
`;

describe("retry/resubmit --log, watch --status/--node-field-selector", { timeout: 120_000 }, () => {
  it("retry --log prints the rerun's logs until it completes, after the retry lines", async () => {
    expect((await wfc(["submit", file("wf.yaml", flakyYaml("log-retry")), "--wait"], c.env)).code).toBe(1);
    const r = await wfc(["retry", "log-retry", "-p", "code=0", "--log"], c.env);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines.slice(0, 2)).toEqual([
      expect.stringMatching(/^pod log-retry-second-\d+ deleted$/),
      "workflow log-retry retried",
    ]);
    // every pod of the workflow is followed, as argo's --log: a's (kept) and b's (rerun, its log starts afresh)
    expect(lines.slice(2).sort()).toEqual(["a: first run", "b: trying"]);
    expect(c.k8s.store.get("workflows", "ci", "log-retry").status.phase).toBe("Succeeded");
  });

  it("resubmit --log follows the new workflow; with --wait it also reports the phase and exit code", async () => {
    const r = await wfc(["resubmit", "log-retry", "--log", "--wait"], c.env);
    const created = /^workflow\.argoproj\.io\/(log-retry-[a-z0-9]+) created \(resubmitted from log-retry\)\n/.exec(
      r.stdout,
    );
    expect(created).not.toBeNull();
    const name = created?.[1];
    expect(r.stdout.slice(created?.[0].length).split("\n").filter(Boolean).sort()).toEqual([
      "a: first run",
      "b: trying",
    ]);
    expect(r.stderr).toBe(`workflow ${name} Succeeded\n`);
    expect(r.code).toBe(0);
  });

  it("watch --status and --node-field-selector show only the matching nodes", async () => {
    await wfc(["submit", file("wf.yaml", dagYaml({ name: "watch-filter", fail: true })), "--wait"], c.env);
    const all = await wfc(["watch", "watch-filter"], c.env);
    expect(all.stdout).toMatch(/^ +✔ a +Succeeded/m);
    expect(all.stdout).toMatch(/^ +✖ b +Failed/m);
    const failed = await wfc(["watch", "watch-filter", "--status", "Failed"], c.env);
    expect(failed.code).toBe(1); // the workflow failed
    expect(failed.stdout).toMatch(/^ +✖ b +Failed/m);
    expect(failed.stdout).not.toMatch(/ a +Succeeded/);
    expect(failed.stdout).toMatch(/✖ watch-filter Failed: child '.*' failed\n$/);
    const a = await wfc(["watch", "watch-filter", "--node-field-selector", "displayName=a"], c.env);
    expect(a.stdout).toMatch(/^ +✔ a +Succeeded/m);
    expect(a.stdout).not.toMatch(/ b +Failed/);
  });

  it("watch: --status with --node-field-selector, an unknown phase or a bad selector is one clear line", async () => {
    const one = async (args: string[], pattern: RegExp): Promise<void> => {
      const r = await wfc(["watch", "watch-filter", ...args], c.env);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe("");
      expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(pattern);
    };
    await one(
      ["--status", "Failed", "--node-field-selector", "displayName=a"],
      /cannot use both --status and --node-field-selector/,
    );
    await one(["--status", "failed"], /--status "failed" is not a node phase \(one of Pending, Running, /);
    await one(["--node-field-selector", "phase"], /invalid field selector "phase"/);
  });
});
