import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { type Cluster, CRON_YAML, dagYaml, file, startCluster, TEMPLATE_YAML, wfc } from "./harness.js";

let c: Cluster;
beforeAll(async () => {
  c = await startCluster();
});
afterAll(() => c.close());

describe.concurrent("apply, get, list, logs, delete", () => {
  it("apply creates, a second apply changes nothing, an edit is configured", async () => {
    const t = file("t.yaml", TEMPLATE_YAML.replace("name: greet", "name: greet-apply"));
    const first = await wfc(["apply", t], c.env);
    expect(first.stderr).toBe("");
    expect(first.stdout).toBe("workflowtemplate.argoproj.io/greet-apply created\n");
    const rv = c.k8s.store.get("workflowtemplates", "ci", "greet-apply").metadata.resourceVersion;
    const second = await wfc(["apply", t], c.env);
    expect(second.stdout).toBe("workflowtemplate.argoproj.io/greet-apply unchanged\n");
    expect(c.k8s.store.get("workflowtemplates", "ci", "greet-apply").metadata.resourceVersion).toBe(rv);
    expect(
      c.k8s.requests
        .filter((r) => r.method === "PUT" || r.method === "PATCH")
        .some((r) => r.path.endsWith("/greet-apply")),
    ).toBe(false);
    const third = await wfc(
      [
        "apply",
        file(
          "t.yaml",
          TEMPLATE_YAML.replace("name: greet", "name: greet-apply").replace("value: world", "value: moon"),
        ),
      ],
      c.env,
    );
    expect(third.stdout).toBe("workflowtemplate.argoproj.io/greet-apply configured\n");
    expect(c.k8s.store.get("workflowtemplates", "ci", "greet-apply").spec.arguments.parameters[0].value).toBe("moon");
  });

  it("apply handles CronWorkflows and refuses Workflows", async () => {
    const r = await wfc(
      ["apply", file("c.yaml", CRON_YAML.replace("name: nightly", "name: nightly-apply")), "-o", "name"],
      c.env,
    );
    expect(r.stdout).toBe("cronworkflow.argoproj.io/nightly-apply\n");
    const wf = await wfc(["apply", file("wf.yaml", dagYaml())], c.env);
    expect(wf.code).toBe(1);
    expect(wf.stderr).toMatch(/wfc apply does not run Workflows .*use wfc submit/);
  });

  it("get shows the summary and node tree; -o yaml|json|name print the object", async () => {
    const sub = await wfc(["submit", file("wf.yaml", dagYaml({ name: "get-me" })), "--wait"], c.env);
    expect(sub.code).toBe(0);
    const g = await wfc(["get", "get-me"], c.env);
    expect(g.code).toBe(0);
    expect(g.stdout).toMatch(/^Name: +get-me\nNamespace: +ci\nStatus: +Succeeded\n/);
    expect(g.stdout).toMatch(
      /STEP +TEMPLATE +PODNAME +DURATION +MESSAGE\n ✔ get-me +main +\d+s\n ├─✔ a +echo +get-me-echo-\d+ +\d+s\n └─✔ b +echo +get-me-echo-\d+ +\d+s\n/,
    );
    expect(parse((await wfc(["get", "get-me", "-o", "yaml"], c.env)).stdout).status.phase).toBe("Succeeded");
    expect((await wfc(["get", "get-me", "-o", "name"], c.env)).stdout).toBe("workflow.argoproj.io/get-me\n");
  });

  it("list filters by label and phase", async () => {
    const ok = dagYaml({ name: "list-ok" }).replace("metadata:\n", "metadata:\n  labels: { team: listing }\n");
    const bad = dagYaml({ name: "list-bad", fail: true }).replace(
      "metadata:\n",
      "metadata:\n  labels: { team: listing }\n",
    );
    await Promise.all([
      wfc(["submit", file("a.yaml", ok), "--wait"], c.env),
      wfc(["submit", file("b.yaml", bad), "--wait"], c.env),
    ]);
    const all = await wfc(["list", "-l", "team=listing"], c.env);
    expect(all.stdout).toMatch(
      /^NAME +STATUS +AGE +DURATION +PROGRESS +MESSAGE\nlist-bad +Failed +\d+s +\d+s +1\/2 +child '.*' failed\nlist-ok +Succeeded/,
    );
    const failed = await wfc(["list", "-l", "team=listing", "--phase", "Failed", "-o", "name"], c.env);
    expect(failed.stdout).toBe("workflow.argoproj.io/list-bad\n");
    const none = await wfc(["list", "-l", "team=nobody"], c.env);
    expect(none.stdout).toBe("");
    expect(none.stderr).toBe("No workflows found in namespace ci.\n");
    expect((await wfc(["list", "--phase", "Bogus"], c.env)).code).toBe(1);
  });

  it("logs prints each pod's main container prefixed with the node name, --task filters", async () => {
    await wfc(["submit", file("wf.yaml", dagYaml({ name: "log-me", fail: true })), "--wait"], c.env);
    const all = await wfc(["logs", "log-me"], c.env);
    expect(all.code).toBe(0);
    expect(all.stdout).toBe("a: hello\nb: going down\n");
    expect((await wfc(["logs", "log-me", "--task", "b"], c.env)).stdout).toBe("b: going down\n");
    expect((await wfc(["logs", "log-me", "--task", "a", "--no-prefix"], c.env)).stdout).toBe("hello\n");
  });

  it("delete removes workflows (and their pods) and other kinds; partial failure exits 1", async () => {
    await wfc(["submit", file("wf.yaml", dagYaml({ name: "del-me" })), "--wait"], c.env);
    await wfc(["apply", file("t.yaml", TEMPLATE_YAML.replace("name: greet", "name: del-tmpl"))], c.env);
    const r = await wfc(["delete", "del-me", "workflowtemplate/del-tmpl"], c.env);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('workflow.argoproj.io "del-me" deleted\nworkflowtemplate.argoproj.io "del-tmpl" deleted\n');
    expect(
      c.k8s.store.list("pods", "ci").some((p) => p.metadata.labels["workflows.argoproj.io/workflow"] === "del-me"),
    ).toBe(false);
    const partial = await wfc(["delete", "gone-1", "gone-2"], c.env);
    expect(partial.code).toBe(1);
    expect(partial.stderr.split("\n").filter(Boolean)).toHaveLength(3);
    expect(partial.stderr).toMatch(/2 of 2 objects could not be deleted/);
  });

  it("--help works on the cluster commands", async () => {
    const top = await wfc(["--help"]);
    expect(top.code).toBe(0);
    for (const cmd of ["submit", "apply", "get", "list", "logs", "delete"])
      expect(top.stdout).toMatch(new RegExp(`\\n  ${cmd}\\b`));
    for (const cmd of ["submit", "logs"]) {
      const r = await wfc([cmd, "--help"]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/--namespace/);
      expect(r.stdout).toMatch(/--argo-server/);
    }
  });
});
