import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nodeId } from "../../packages/client/src/operations/node-ids.js";
import { seedSuspended } from "./day2-seed.js";
import { type Cluster, CRON_YAML, dagYaml, file, startCluster, TEMPLATE_YAML, wfc } from "./harness.js";

let c: Cluster;
beforeAll(async () => {
  c = await startCluster();
});
afterAll(() => c.close());

const sent = (method: string, name: string) =>
  c.k8s.requests.filter((r) => r.method === method && r.path.endsWith(`/workflows/${name}`));

/** One line on stderr, exit 1, nothing on stdout. */
function oneLineError(r: { code: number | null; stdout: string; stderr: string }, pattern: RegExp): void {
  expect(r.code).toBe(1);
  expect(r.stdout).toBe("");
  expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
  expect(r.stderr).toMatch(pattern);
}

describe("day-2 commands through the Kubernetes API", { timeout: 120_000 }, () => {
  it("stop and terminate send a merge patch of spec.shutdown; a completed workflow is refused", async () => {
    seedSuspended(c.k8s.store, "stop-me");
    seedSuspended(c.k8s.store, "term-me");
    const r = await wfc(["stop", "stop-me"], c.env);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("workflow stop-me stopped\n");
    expect(sent("PATCH", "stop-me").map((q) => [q.contentType, q.body])).toEqual([
      ["application/merge-patch+json", { spec: { shutdown: "Stop" } }],
    ]);
    expect(c.k8s.store.get("workflows", "ci", "stop-me").spec.shutdown).toBe("Stop");
    expect((await wfc(["terminate", "term-me"], c.env)).stdout).toBe("workflow term-me terminated\n");
    expect(sent("PATCH", "term-me")[0]?.body).toEqual({ spec: { shutdown: "Terminate" } });

    await wfc(["submit", file("wf.yaml", dagYaml({ name: "stop-done" })), "--wait"], c.env);
    const done = await wfc(["stop", "stop-done"], c.env);
    oneLineError(
      done,
      /^error: cannot stop Workflow "stop-done" in namespace "ci": it already Succeeded \[E_WORKFLOW_ACTION\]\n$/,
    );
    expect(sent("PATCH", "stop-done")).toEqual([]);
    oneLineError(
      await wfc(["terminate", "no-such-wf"], c.env),
      /^error: getting Workflow "no-such-wf" in namespace "ci": NotFound/,
    );
    const forbidden = await wfc(["stop", "stop-me", "--context", "viewer"], c.env);
    oneLineError(
      forbidden,
      /stopping Workflow "stop-me" in namespace "ci": Forbidden \(403\).*patch workflows\.argoproj\.io/,
    );
  });

  it("stop --node-field-selector fails the selected suspended node, with the message", async () => {
    seedSuspended(c.k8s.store, "reject-me");
    const r = await wfc(
      ["stop", "reject-me", "--node-field-selector", "displayName=approve", "--message", "rejected"],
      c.env,
    );
    expect(r.stdout).toBe("workflow reject-me stopped\n");
    const body = sent("PUT", "reject-me")[0]?.body as {
      status: { nodes: Record<string, { phase: string; message?: string }> };
    };
    expect(body.status.nodes[nodeId("reject-me", "reject-me.approve")]).toMatchObject({
      phase: "Failed",
      message: "rejected",
    });
    expect(body.status.nodes[nodeId("reject-me", "reject-me.second-approval")]?.phase).toBe("Running");
    expect(sent("PATCH", "reject-me")).toEqual([]);
  });

  it("suspend sets spec.suspend; resume clears it and completes the waiting suspend nodes", async () => {
    seedSuspended(c.k8s.store, "pause-me");
    expect((await wfc(["suspend", "pause-me"], c.env)).stdout).toBe("workflow pause-me suspended\n");
    expect((sent("PUT", "pause-me")[0]?.body as { spec?: { suspend?: boolean } } | undefined)?.spec?.suspend).toBe(
      true,
    );
    const r = await wfc(["resume", "pause-me"], c.env);
    expect(r.stdout).toBe("workflow pause-me resumed\n");
    const stored = c.k8s.store.get("workflows", "ci", "pause-me");
    expect(stored.spec.suspend).toBeUndefined();
    const approve = stored.status.nodes[nodeId("pause-me", "pause-me.approve")];
    expect(approve.phase).toBe("Succeeded");
    expect(approve.outputs.parameters).toEqual([{ name: "ok", value: "yes" }]);
    expect(approve.finishedAt).toMatch(/^\d{4}-/);

    seedSuspended(c.k8s.store, "pause-done", { phase: "Succeeded" });
    oneLineError(
      await wfc(["suspend", "pause-done"], c.env),
      /^error: cannot suspend Workflow "pause-done" in namespace "ci": it is completed \(Succeeded\)/,
    );
  });

  it("resume --node-field-selector resumes only the selected node; none matching is an error", async () => {
    seedSuspended(c.k8s.store, "approve-one");
    const r = await wfc(["resume", "approve-one", "--node-field-selector", "displayName=second-approval"], c.env);
    expect(r.stdout).toBe("workflow approve-one resumed\n");
    const nodes = c.k8s.store.get("workflows", "ci", "approve-one").status.nodes;
    expect(nodes[nodeId("approve-one", "approve-one.second-approval")].phase).toBe("Succeeded");
    expect(nodes[nodeId("approve-one", "approve-one.approve")].phase).toBe("Running");
    oneLineError(
      await wfc(["resume", "approve-one", "--node-field-selector", "displayName=nope"], c.env),
      /has no suspended node matching --node-field-selector displayName=nope/,
    );
    oneLineError(
      await wfc(["resume", "approve-one", "--node-field-selector", "phase"], c.env),
      /invalid field selector "phase"/,
    );
  });

  it("retry deletes the failed pod, writes the reset status, and the user sees both", async () => {
    await wfc(["submit", file("wf.yaml", dagYaml({ name: "retry-me", fail: true })), "--wait"], c.env);
    const before = c.k8s.store.get("workflows", "ci", "retry-me");
    const failedNode = Object.values(before.status.nodes as Record<string, { displayName: string; id: string }>).find(
      (n) => n.displayName === "b",
    );
    const podB = c.k8s.store
      .list("pods", "ci")
      .find((p) => p.metadata.annotations["workflows.argoproj.io/node-id"] === failedNode?.id);
    expect(podB).toBeDefined();
    const r = await wfc(["retry", "retry-me"], c.env);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(`pod ${podB?.metadata.name} deleted\nworkflow retry-me retried\n`);
    expect(
      c.k8s.requests.filter((q) => q.method === "DELETE" && q.path.includes("/pods/")).map((q) => q.path),
    ).toContain(`/api/v1/namespaces/ci/pods/${podB?.metadata.name}`);
    const put = sent("PUT", "retry-me")[0]?.body as {
      status: { phase?: string; nodes: Record<string, { phase: string }> };
      metadata: { labels: Record<string, string> };
    };
    expect(put.status.phase).toBeUndefined();
    expect(Object.keys(put.status.nodes)).not.toContain(failedNode?.id);
    expect(put.status.nodes["retry-me"]?.phase).toBe("Running");
    expect(put.metadata.labels["workflows.argoproj.io/completed"]).toBeUndefined();
    // the controller reruns b, which fails again (day2-controller.test.ts retries one to Succeeded)
    expect((await wfc(["wait", "retry-me"], c.env)).stdout).toMatch(/^retry-me Failed at /);
    // a running workflow is refused
    seedSuspended(c.k8s.store, "retry-running");
    oneLineError(
      await wfc(["retry", "retry-running"], c.env),
      /cannot retry Workflow "retry-running" in phase Running: only Failed or Error workflows can be retried/,
    );
  });

  it("retry of a succeeded workflow needs --restart-successful and --node-field-selector; -p overrides", async () => {
    await wfc(["submit", file("wf.yaml", dagYaml({ name: "rerun-ok" })), "--wait"], c.env);
    oneLineError(
      await wfc(["retry", "rerun-ok"], c.env),
      /it Succeeded; to restart some of its nodes pass --restart-successful and --node-field-selector/,
    );
    const r = await wfc(
      ["retry", "rerun-ok", "--restart-successful", "--node-field-selector", "displayName=b", "-p", "message=hi"],
      c.env,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^pod rerun-ok-echo-\d+ deleted\nworkflow rerun-ok retried\n$/);
    const put = sent("PUT", "rerun-ok")[0]?.body as {
      spec: { arguments: { parameters: { name: string; value: string }[] } };
      status: { nodes: Record<string, { displayName: string }> };
    };
    expect(put.spec.arguments.parameters[0]).toEqual({ name: "message", value: "hi" });
    expect(
      Object.values(put.status.nodes)
        .map((n) => n.displayName)
        .sort(),
    ).toEqual(["a", "rerun-ok"]);
  });

  it("a workflow whose nodes are compressed or offloaded is refused in Kubernetes mode (only the Argo Server reads them)", async () => {
    const wf = seedSuspended(c.k8s.store, "packed", { phase: "Failed" });
    c.k8s.store.mutate("workflows", "ci", "packed", (w) => {
      w.status = { phase: "Failed", compressedNodes: "H4sIAAAAAAAA/6quBQQAAP//AAAAAA==" };
    });
    expect(wf.metadata.name).toBe("packed");
    const r = await wfc(["retry", "packed"], c.env);
    oneLineError(
      r,
      /cannot retry Workflow "packed" through the Kubernetes API: its node status is compressed; use --argo-server/,
    );
    expect(sent("PUT", "packed")).toEqual([]);
  });

  it("resubmit creates a new workflow labelled with the old one; --memoized needs a failed one", async () => {
    await wfc(["submit", file("wf.yaml", dagYaml({ name: "again", fail: true })), "--wait"], c.env);
    const r = await wfc(["resubmit", "again", "--wait"], c.env);
    const created = /^workflow\.argoproj\.io\/(again-[a-z0-9]+) created \(resubmitted from again\)\n$/.exec(r.stdout);
    expect(created).not.toBeNull();
    expect(r.code).toBe(1); // it fails again, as the original did
    expect(r.stderr).toMatch(/workflow again-[a-z0-9]+ Failed/);
    const posted = c.k8s.requests.find(
      (q) =>
        q.method === "POST" &&
        q.path === "/apis/argoproj.io/v1alpha1/namespaces/ci/workflows" &&
        (q.body as { metadata?: { generateName?: string } })?.metadata?.generateName === "again-",
    );
    expect((posted?.body as { metadata?: { labels?: Record<string, string> } } | undefined)?.metadata?.labels).toEqual({
      "workflows.argoproj.io/resubmitted-from-workflow": "again",
    });
    const memo = await wfc(["resubmit", "again", "--memoized", "-o", "name"], c.env);
    expect(memo.stdout).toMatch(/^workflow\.argoproj\.io\/again-[a-z0-9]{5}\n$/);
    await wfc(["submit", file("wf.yaml", dagYaml({ name: "again-ok" })), "--wait"], c.env);
    oneLineError(
      await wfc(["resubmit", "again-ok", "--memoized"], c.env),
      /with --memoized in phase Succeeded: it must be Failed or Error/,
    );
  });

  it("wait prints NAME PHASE at TIME; a failed one exits 1; watch shows the tree of an existing workflow", async () => {
    await Promise.all([
      wfc(["submit", file("wf.yaml", dagYaml({ name: "wait-ok" })), "--wait"], c.env),
      wfc(["submit", file("wf.yaml", dagYaml({ name: "wait-bad", fail: true })), "--wait"], c.env),
    ]);
    const ok = await wfc(["wait", "wait-ok"], c.env);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^wait-ok Succeeded at \d{4}-\d\d-\d\dT[\d:]+Z\n$/);
    const both = await wfc(["wait", "wait-ok", "wait-bad"], c.env);
    expect(both.code).toBe(1);
    expect(both.stdout).toMatch(/^wait-ok Succeeded at .*\nwait-bad Failed at .*\n$/);
    expect(both.stderr).toBe("error: 1 of 2 workflows did not succeed [E_CLUSTER_INPUT]\n");
    oneLineError(await wfc(["wait", "nope-wf"], c.env), /getting Workflow "nope-wf" in namespace "ci": NotFound/);
    expect((await wfc(["wait", "nope-wf", "--ignore-not-found"], c.env)).code).toBe(0);
    const w = await wfc(["watch", "wait-ok"], c.env);
    expect(w.code).toBe(0);
    expect(w.stdout).toMatch(/✔ wait-ok Succeeded\n$/);
    expect((await wfc(["watch", "wait-bad"], c.env)).code).toBe(1);
  });

  it("cron list, get, suspend, resume, create-workflow-now", async () => {
    await wfc(["apply", file("c.yaml", CRON_YAML.replace("name: nightly", "name: nightly-d2"))], c.env);
    const list = await wfc(["cron", "list"], c.env);
    expect(list.stdout).toMatch(
      /^NAME +AGE +LAST RUN +SCHEDULES +TIMEZONE +SUSPENDED\n(.*\n)*nightly-d2 +\d+s +N\/A +0 3 \* \* \* +false\n/,
    );
    expect((await wfc(["cron", "suspend", "nightly-d2"], c.env)).stdout).toBe("CronWorkflow nightly-d2 suspended\n");
    expect(c.k8s.store.get("cronworkflows", "ci", "nightly-d2").spec.suspend).toBe(true);
    expect((await wfc(["cron", "get", "nightly-d2"], c.env)).stdout).toMatch(/Suspended: +true\n/);
    expect((await wfc(["cron", "resume", "nightly-d2"], c.env)).stdout).toBe("CronWorkflow nightly-d2 resumed\n");
    expect(c.k8s.store.get("cronworkflows", "ci", "nightly-d2").spec.suspend).toBe(false);
    const now = await wfc(["cron", "create-workflow-now", "nightly-d2"], c.env);
    expect(now.stdout).toMatch(/^workflow\.argoproj\.io\/nightly-d2-[a-z0-9]+ created\n$/);
    oneLineError(
      await wfc(["cron", "suspend", "no-cron"], c.env),
      /CronWorkflow "no-cron" in namespace "ci": NotFound/,
    );
  });

  it("template and cluster-template list, get, delete", async () => {
    await wfc(["apply", file("t.yaml", TEMPLATE_YAML.replace("name: greet", "name: greet-d2"))], c.env);
    await wfc(
      [
        "apply",
        file(
          "t.yaml",
          TEMPLATE_YAML.replace("name: greet", "name: greet-c2").replace(
            "kind: WorkflowTemplate",
            "kind: ClusterWorkflowTemplate",
          ),
        ),
      ],
      c.env,
    );
    expect((await wfc(["template", "list"], c.env)).stdout).toMatch(/^NAME +AGE\n(.*\n)*greet-d2 +\d+s\n/);
    expect((await wfc(["template", "get", "greet-d2"], c.env)).stdout).toMatch(
      /Name: +greet-d2\nNamespace: +ci\n.*\nEntrypoint: +main\nTemplates: +main\nParameters: +who=world\n/,
    );
    expect((await wfc(["cluster-template", "get", "greet-c2", "-o", "name"], c.env)).stdout).toBe(
      "clusterworkflowtemplate.argoproj.io/greet-c2\n",
    );
    expect((await wfc(["cluster-template", "list", "-o", "name"], c.env)).stdout).toContain(
      "clusterworkflowtemplate.argoproj.io/greet-c2\n",
    );
    expect((await wfc(["template", "delete", "greet-d2"], c.env)).stdout).toBe(
      'workflowtemplate.argoproj.io "greet-d2" deleted\n',
    );
    oneLineError(
      await wfc(["template", "get", "greet-d2"], c.env),
      /getting WorkflowTemplate "greet-d2" in namespace "ci": NotFound/,
    );
    expect((await wfc(["cluster-template", "delete", "greet-c2"], c.env)).code).toBe(0);
  });

  it("version prints the client and the Kubernetes API's version", async () => {
    const v = await wfc(["version"], c.env);
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(
      /^wfc: \d+\.\d+\.\d+\nnode: v\d+.*\nserver: https:\/\/127\.0\.0\.1:\d+ \(Kubernetes API\)\nkubernetes: v1\.32\.0\n/,
    );
    const down = await wfc(["version", "--context", "refused"], c.env);
    expect(down.code).toBe(0);
    expect(down.stdout).toMatch(/^wfc: .*\nnode: .*\n$/);
    expect(down.stderr).toMatch(/^wfc: server version unknown: .*refused/);
    expect((await wfc(["version", "--short"])).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
