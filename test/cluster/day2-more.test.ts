/**
 * The new flags of logs, delete, get and list, and wfc completion, through the real binary.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedSuspended } from "./day2-seed.js";
import { type Cluster, dagYaml, file, scratch, startCluster, wfc } from "./harness.js";

let c: Cluster;
beforeAll(async () => {
  c = await startCluster();
});
afterAll(() => c.close());

describe("logs, delete, get -o wide, completion", { timeout: 120_000 }, () => {
  it("logs --tail, --grep, --timestamps and --since reach the kubelet's window or filter lines", async () => {
    const wf = dagYaml({ name: "log-flags" }).replace(
      'command: [echo, "{{inputs.parameters.text}}"]',
      'command: [sh, -c, "echo one; echo two {{inputs.parameters.text}}; echo three"]',
    );
    await wfc(["submit", file("wf.yaml", wf), "--wait"], c.env);
    const all = await wfc(["logs", "log-flags"], c.env);
    expect(all.stdout).toBe("a: one\na: two hello\na: three\nb: one\nb: two b ran\nb: three\n");
    const tail = await wfc(["logs", "log-flags", "--tail", "1"], c.env);
    expect(tail.stdout).toBe("a: three\nb: three\n");
    const logReqs = c.k8s.requests.filter((r) => r.path.endsWith("/log") && r.query.tailLines === "1");
    expect(logReqs).toHaveLength(2);
    expect((await wfc(["logs", "log-flags", "--grep", "^two"], c.env)).stdout).toBe("a: two hello\nb: two b ran\n");
    const ts = await wfc(["logs", "log-flags", "--task", "a", "--timestamps", "--no-prefix"], c.env);
    expect(ts.stdout).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z one\n/);
    const since = await wfc(["logs", "log-flags", "--since", "1h"], c.env);
    expect(since.stdout).toBe(all.stdout);
    expect(c.k8s.requests.some((r) => r.query.sinceSeconds === "3600")).toBe(true);
    const none = await wfc(["logs", "log-flags", "--grep", "nothing-like-this"], c.env);
    expect(none.code).toBe(0);
    expect(none.stderr).toBe("wfc: no log lines of workflow log-flags match /nothing-like-this/\n");
    expect((await wfc(["logs", "log-flags", "--tail", "x"], c.env)).code).toBe(2);
  });

  it("logs says when the pods are gone", async () => {
    await wfc(["submit", file("wf.yaml", dagYaml({ name: "log-gone" })), "--wait"], c.env);
    for (const p of c.k8s.store.list("pods", "ci"))
      if (p.metadata.labels["workflows.argoproj.io/workflow"] === "log-gone")
        c.k8s.store.delete("pods", "ci", p.metadata.name);
    const r = await wfc(["logs", "log-gone"], c.env);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      "wfc: the pods of workflow log-gone no longer exist (phase Succeeded; deleted, e.g. by podGC or a retry), so their logs are gone\n",
    );
  });

  it("delete --completed --older, --status, --prefix, -l, --dry-run, --all", async () => {
    const labelled = (name: string, fail = false) =>
      dagYaml({ name, fail }).replace("metadata:\n", "metadata:\n  labels: { team: cleanup }\n");
    await Promise.all([
      wfc(["submit", file("a.yaml", labelled("clean-ok")), "--wait"], c.env),
      wfc(["submit", file("b.yaml", labelled("clean-bad", true)), "--wait"], c.env),
    ]);
    seedSuspended(c.k8s.store, "clean-running");
    c.k8s.store.mutate("workflows", "ci", "clean-running", (w) => {
      w.metadata.labels.team = "cleanup";
    });
    const dry = await wfc(["delete", "-l", "team=cleanup", "--completed", "--dry-run"], c.env);
    expect(dry.stdout).toBe(
      'workflow.argoproj.io "clean-bad" deleted (dry run)\nworkflow.argoproj.io "clean-ok" deleted (dry run)\n',
    );
    const notOld = await wfc(["delete", "-l", "team=cleanup", "--older", "1h"], c.env);
    expect(notOld.stdout).toBe("");
    expect(notOld.stderr).toBe("No workflows found in namespace ci.\n");
    const failed = await wfc(["delete", "-l", "team=cleanup", "--status", "Failed"], c.env);
    expect(failed.stdout).toBe('workflow.argoproj.io "clean-bad" deleted\n');
    const list = c.k8s.requests.filter((r) => r.query.labelSelector?.includes("team=cleanup"));
    expect(list.map((r) => r.query.labelSelector)).toContain("team=cleanup,workflows.argoproj.io/phase in (Failed)");
    expect((await wfc(["delete", "--prefix", "clean-", "--completed"], c.env)).stdout).toBe(
      'workflow.argoproj.io "clean-ok" deleted\n',
    );
    expect(c.k8s.store.get("workflows", "ci", "clean-running").metadata.name).toBe("clean-running");
    const bad = await wfc(["delete"], c.env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^error: give names to delete, or a filter/);
    expect((await wfc(["delete", "--older", "soon"], c.env)).code).toBe(2);
  });

  it("delete --all in a namespace of its own", async () => {
    await wfc(["submit", file("a.yaml", dagYaml({ name: "all-1" })), "-n", "wipe", "--wait"], c.env);
    await wfc(["submit", file("a.yaml", dagYaml({ name: "all-2" })), "-n", "wipe"], c.env);
    const r = await wfc(["delete", "--all", "-n", "wipe"], c.env);
    expect(r.stdout).toBe('workflow.argoproj.io "all-1" deleted\nworkflow.argoproj.io "all-2" deleted\n');
    expect(c.k8s.store.list("workflows", "wipe")).toEqual([]);
  });

  it("get -o wide adds ARTIFACTS, RESOURCESDURATION and NODENAME", async () => {
    await wfc(["submit", file("wf.yaml", dagYaml({ name: "wide-me" })), "--wait"], c.env);
    const r = await wfc(["get", "wide-me", "-o", "wide"], c.env);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /STEP +TEMPLATE +PODNAME +DURATION +ARTIFACTS +MESSAGE +RESOURCESDURATION +NODENAME\n ✔ wide-me +main/,
    );
    const list = await wfc(["list", "-o", "wide"], c.env);
    expect(list.stdout).toMatch(
      /^NAME +STATUS +AGE +DURATION +PROGRESS +PRIORITY +P\/R\/C +TEMPLATE +PARAMETERS +MESSAGE\n(.*\n)*wide-me +Succeeded +\d+s +\d+s +2\/2 +0 +0\/0\/2 +- +message=hello\n/,
    );
  });

  it("completion bash completes commands, subcommands and options; zsh and fish scripts are generated", async () => {
    const r = await wfc(["completion", "bash"]);
    expect(r.code).toBe(0);
    const script = file("wfc.bash", r.stdout, scratch());
    const complete = async (line: string) => {
      const words = line.split(" ");
      const { stdout } = await promisify(execFile)("bash", [
        "-c",
        `source ${script}; COMP_WORDS=(${words.map((w) => `'${w}'`).join(" ")}); COMP_CWORD=${words.length - 1}; _wfc; printf '%s\\n' "\${COMPREPLY[@]}"`,
      ]);
      return stdout.trim().split("\n");
    };
    expect(await complete("wfc re")).toEqual(["resume", "retry", "resubmit"]);
    expect(await complete("wfc cron ")).toEqual(
      expect.arrayContaining(["list", "get", "suspend", "resume", "create-workflow-now"]),
    );
    expect(await complete("wfc retry --re")).toEqual(["--restart-successful", "--request-timeout"]);
    expect(await complete("wfc logs x --ti")).toEqual(["--timestamps"]);
    const zsh = await wfc(["completion", "zsh"]);
    expect(zsh.stdout).toMatch(/^#compdef wfc\n/);
    expect(zsh.stdout).toContain("complete -o default -F _wfc wfc");
    const fish = await wfc(["completion", "fish"]);
    expect(fish.stdout).toContain("complete -c wfc -n 'not __fish_seen_subcommand_from");
    expect(fish.stdout).toContain("-a 'cluster-template'");
    expect(fish.stdout).toContain("complete -c wfc -n '__fish_seen_subcommand_from retry' -l restart-successful");
    expect((await wfc(["completion", "powershell"])).code).toBe(2);
  });
});
