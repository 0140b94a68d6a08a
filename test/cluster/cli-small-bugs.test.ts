import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STACK_LINE } from "../cli/bounded.js";
import { type Cluster, dagYaml, file, type Run, startCluster, wfc } from "./harness.js";

let c: Cluster;
beforeAll(async () => {
  c = await startCluster();
});
afterAll(() => c.close());

/** `wfc` against the double, killed after 30 s (a hang fails the exit-code assertion). */
function run(args: readonly string[], env: Record<string, string>): Promise<Run> {
  let kill: (() => void) | undefined;
  const timer = setTimeout(() => kill?.(), 30_000);
  return wfc(args, env, { onSpawn: (child) => (kill = () => child.kill("SIGKILL")) }).finally(() =>
    clearTimeout(timer),
  );
}

describe.concurrent("small CLI bugs (issue 19)", () => {
  it("wfc ls is wfc list, as --help says", async () => {
    await run(["submit", file("wf.yaml", dagYaml({ name: "ls-me" })), "--wait"], c.env);
    const ls = await run(["ls", "-o", "name"], c.env);
    expect(ls.stderr).toBe("");
    expect(ls.code).toBe(0);
    expect(ls.stdout).toContain("workflow.argoproj.io/ls-me\n");
    const help = await run(["--help"], {});
    expect(help.stdout).toMatch(/list\|ls/);
  });

  it("logs --task with no such task: says so (listing the tasks), exit 1", async () => {
    await run(["submit", file("wf.yaml", dagYaml({ name: "logs-task" })), "--wait"], c.env);
    const r = await run(["logs", "logs-task", "--task", "nope"], c.env);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      'error: workflow logs-task has no task or step named "nope" (it has: a, b, logs-task) [E_NO_TASK]\n',
    );
    const ok = await run(["logs", "logs-task", "--task", "a"], c.env);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe("a: hello\n");
  });

  it("lint --server with a rejected token: the error, and no 'ok' before it", async () => {
    const f = file("wf.yaml", dagYaml({ name: "lint-401" }));
    const r = await run(["lint", "--server", "--context", "badtoken", f], c.env);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^error: .*\n$/);
    expect(r.stderr).not.toMatch(STACK_LINE);
    const good = await run(["lint", "--server", f], c.env);
    expect(good.code).toBe(0);
    expect(good.stdout).toMatch(/accepted by the server \(dry run\)\n.*: ok \(1 manifest\)\n$/);
  });

  it("lint of an empty file (or only comments): says it holds no manifests, exit 1, as kubectl refuses it", async () => {
    for (const text of ["", "# nothing\n---\n"]) {
      const f = file("empty.yaml", text);
      const r = await run(["lint", f], {});
      expect(r.code).toBe(1);
      expect(r.stdout).toBe("");
      expect(r.stderr).toBe(
        `${f}: holds no manifests (empty, or only comments and empty documents) [E_NO_MANIFESTS]\nerror: 1 problem found [E_LINT]\n`,
      );
    }
  });
});
