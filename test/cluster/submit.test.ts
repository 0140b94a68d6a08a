import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { type Cluster, CRON_YAML, dagYaml, file, ROOT, startCluster, TEMPLATE_YAML, wfc } from "./harness.js";

let c: Cluster;
beforeAll(async () => {
  // workflows start once watched, so --watch sees every transition however slow the machine is
  c = await startCluster({ controller: { stepMs: 5, startWhenWatched: true } });
});
afterAll(() => c.close());

describe.concurrent("wfc submit (Kubernetes API)", () => {
  it("--watch prints one line per node change and exits 0 when the workflow succeeds", async () => {
    const r = await wfc(["submit", file("wf.yaml", dagYaml()), "--watch"], c.env);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const name = /workflow\.argoproj\.io\/(hello-\w+) created/.exec(r.stdout)?.[1];
    expect(name).toBeDefined();
    expect(r.stdout).toMatch(new RegExp(`● ${name} Running`));
    expect(r.stdout).toMatch(/✔ a {2}Succeeded {2}template=echo {2}pod=hello-\w+-echo-\d+/);
    expect(r.stdout).toMatch(/✔ b {2}Succeeded/);
    expect(r.stdout).toMatch(new RegExp(`✔ ${name} Succeeded\\n$`));
    const wf = c.k8s.store.get("workflows", "ci", name!);
    expect(wf.status.phase).toBe("Succeeded");
  });

  it("--watch exits 1 with the failure message when the workflow fails", async () => {
    const r = await wfc(["submit", file("wf.yaml", dagYaml({ fail: true })), "--watch"], c.env);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/✖ b {2}Failed {2}template=boom .*main: Error \(exit code 3\)/);
    expect(r.stderr).toMatch(
      /^error: workflow hello-\w+ Failed: child 'hello-\w+-\d+' failed \(see wfc get hello-\w+ and wfc logs hello-\w+\) \[E_WORKFLOW_FAILED\]\n$/,
    );
  });

  it("--wait exits 0 on success (with -p reaching the pod) and 1 on failure, printing no progress", async () => {
    const ok = await wfc(
      ["submit", file("wf.yaml", dagYaml()), "-p", "message=bonjour", "--wait", "-o", "name"],
      c.env,
    );
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^workflow\.argoproj\.io\/hello-\w+\n$/);
    expect(ok.stderr).toMatch(/Succeeded/);
    const name = ok.stdout.trim().split("/")[1]!;
    expect(c.k8s.store.get("workflows", "ci", name).spec.arguments.parameters[0].value).toBe("bonjour");
    expect((await wfc(["logs", name], c.env)).stdout).toContain("a: bonjour\n");
    const bad = await wfc(["submit", file("wf.yaml", dagYaml({ fail: true })), "--wait"], c.env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/Failed/);
  });

  it("-p with an undeclared name or a value outside the enum is rejected before anything is created", async () => {
    const wf = file("wf.yaml", dagYaml({ name: "never-created" }));
    const unknown = await wfc(["submit", wf, "-p", "nope=1"], c.env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^error: .*no parameter "nope" \(declared: message\) \[E_PARAMETER\]\n$/);
    const badEnum = await wfc(["submit", wf, "-p", "message=salut"], c.env);
    expect(badEnum.code).toBe(1);
    expect(badEnum.stderr).toMatch(/must be one of hello, hi, bonjour/);
    const malformed = await wfc(["submit", wf, "-p", "novalue"], c.env);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toMatch(/"novalue" is not key=value/);
    expect(() => c.k8s.store.get("workflows", "ci", "never-created")).toThrow(/not found/);
  });

  it("--from workflowtemplate/NAME and cronworkflow/NAME build a Workflow from the cluster's object", async () => {
    expect((await wfc(["apply", file("t.yaml", TEMPLATE_YAML), file("c.yaml", CRON_YAML)], c.env)).code).toBe(0);
    const r = await wfc(["submit", "--from", "workflowtemplate/greet", "-p", "who=wfc", "--wait", "-o", "json"], c.env);
    expect(r.code).toBe(0);
    const wf = JSON.parse(r.stdout);
    expect(wf.spec.workflowTemplateRef).toEqual({ name: "greet" });
    expect(wf.spec.arguments.parameters).toEqual([{ name: "who", value: "wfc" }]);
    expect(wf.metadata.labels["workflows.argoproj.io/workflow-template"]).toBe("greet");
    expect((await wfc(["logs", wf.metadata.name], c.env)).stdout).toContain("hello wfc");
    const bad = await wfc(["submit", "--from", "workflowtemplate/greet", "-p", "whom=x"], c.env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/no parameter "whom" \(declared: who\)/);
    const cron = await wfc(["submit", "--from", "cronworkflow/nightly", "-o", "yaml"], c.env);
    expect(cron.code).toBe(0);
    expect(parse(cron.stdout).metadata.labels["workflows.argoproj.io/cron-workflow"]).toBe("nightly");
  });

  it("--dry-run=client prints without contacting the cluster; --dry-run=server validates without creating", async () => {
    // no kubeconfig at all: any cluster access would fail
    const client = await wfc(["submit", file("wf.yaml", dagYaml()), "--dry-run=client", "-o", "yaml"], {
      KUBECONFIG: "/nonexistent",
    });
    expect(client.stderr).toBe("");
    expect(client.code).toBe(0);
    expect(parse(client.stdout).metadata.generateName).toBe("hello-");

    const server = await wfc(
      ["submit", file("wf.yaml", dagYaml({ name: "dry-run-only" })), "--dry-run=server", "-o", "json"],
      c.env,
    );
    expect(server.code).toBe(0);
    expect(JSON.parse(server.stdout).metadata.name).toBe("dry-run-only");
    expect(c.k8s.requests.some((r) => r.method === "POST" && r.query.dryRun === "All")).toBe(true);
    expect(() => c.k8s.store.get("workflows", "ci", "dry-run-only")).toThrow(/not found/);
    const invalid = await wfc(
      ["submit", file("wf.yaml", dagYaml().replace("image: alpine:3.20", "image: 42")), "--dry-run=server"],
      c.env,
    );
    // the strict check runs before the server dry run: nothing is sent
    const posts = c.k8s.requests.filter((r) => r.method === "POST").length;
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toMatch(
      /^\/\S+\/wf\.yaml:29:9: Workflow\/hello-, template echo: spec\.templates\[1\]\.container\.image: must be of type string, got integer \[E_SCHEMA\]\nerror: 1 problem found; nothing was sent \[E_SCHEMA\]\n$/,
    );
    expect(c.k8s.requests.filter((r) => r.method === "POST").length).toBe(posts);
  });

  it("-o yaml and -o json print the created object; HTTP servers work too", async () => {
    const y = await wfc(["submit", file("wf.yaml", dagYaml()), "-o", "yaml", "--context", "plain"], c.env);
    expect(y.code).toBe(0);
    const obj = parse(y.stdout);
    expect(obj.kind).toBe("Workflow");
    expect(obj.metadata.namespace).toBe("ci");
    expect(obj.metadata.uid).toBeTruthy();
  });

  it("-n overrides the context namespace; a conflicting manifest namespace is an error", async () => {
    const r = await wfc(["submit", file("wf.yaml", dagYaml()), "-n", "team-a", "-o", "name"], c.env);
    expect(r.code).toBe(0);
    expect(c.k8s.store.get("workflows", "team-a", r.stdout.trim().split("/")[1]!).metadata.namespace).toBe("team-a");
    const conflict = await wfc(
      ["submit", file("wf.yaml", dagYaml().replace("metadata:\n", "metadata:\n  namespace: other\n")), "-n", "team-a"],
      c.env,
    );
    expect(conflict.code).toBe(1);
    expect(conflict.stderr).toMatch(/namespace "other" does not match --namespace team-a/);
  });

  it("submits a TypeScript pipeline (compiled through the SDK)", async () => {
    const r = await wfc(["submit", `${ROOT}examples/quickstart.ts`, "--wait", "-o", "name"], c.env);
    expect(r.stderr).toMatch(/Succeeded/);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^workflow\.argoproj\.io\/quickstart-\w+\n$/);
  });
});
