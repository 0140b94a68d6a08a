import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Workflow } from "@wfc/sdk/argo";
import { describe, expect, it } from "vitest";
import { execute } from "./execute.js";
import { run, wf } from "./run-helpers.test-util.js";
import { scriptedExecutor } from "./scripted-executor.js";

describe("daemons", () => {
  it("a daemoned task lets its dependents run (Daemoned) and is stopped when its DAG completes", async () => {
    const stopped: string[] = [];
    const r = await run(
      `
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: dd}
spec:
  entrypoint: main
  templates:
  - name: server
    daemon: true
    container: {image: nginx}
  - name: client
    inputs: {parameters: [{name: ip}]}
    container: {image: alpine, args: ["{{inputs.parameters.ip}}"]}
  - name: main
    dag:
      tasks:
      - {name: server, template: server}
      - name: client
        depends: server.Daemoned
        template: client
        arguments: {parameters: [{name: ip, value: "{{tasks.server.ip}}"}]}
`,
      {
        pods: {
          server: (q) => {
            q.signal.addEventListener("abort", () => stopped.push(q.nodeName));
            return { daemoned: true, ip: "10.0.0.7" };
          },
        },
      },
    );
    expect(r.phase).toBe("Succeeded");
    expect(r.executor.requests.find((q) => q.templateName === "client")?.template.container?.args).toEqual([
      "10.0.0.7",
    ]);
    expect(stopped).toEqual(["dd.server"]);
    expect(r.byName("dd.server")).toMatchObject({ daemoned: true, phase: "Succeeded", podIP: "10.0.0.7" });
  });
});

describe("updates, status and logs", () => {
  it("reports snapshots through onUpdate, writes status.json and per-pod logs", async () => {
    const updates: Workflow[] = [];
    const lines: string[] = [];
    const runDir = mkdtempSync(join(tmpdir(), "wfc-u-"));
    const executor = scriptedExecutor({
      pods: {
        main: (q) => {
          q.onLog("hello", "stdout", "main");
          q.onLog("oops", "stderr", "main");
          return {};
        },
      },
    });
    const r = await execute(
      wf(`
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: u}
spec:
  entrypoint: main
  templates:
  - name: main
    container: {image: alpine}
`),
      {
        executor,
        runDir,
        onUpdate: (w) => updates.push(w),
        onLog: (node, line, stream) => lines.push(`${node} ${stream} ${line}`),
      },
    );
    expect(updates.length).toBeGreaterThanOrEqual(2);
    expect(updates[0]?.status?.phase).toBe("Running");
    expect(updates.at(-1)?.status?.phase).toBe("Succeeded");
    expect(updates.at(-1)?.status?.finishedAt).toBeDefined();
    expect(lines).toEqual(["u stdout hello", "u stderr oops"]);
    expect(readFileSync(join(runDir, "logs", "u.log"), "utf8")).toBe("hello\noops\n");
    const status = JSON.parse(readFileSync(join(runDir, "status.json"), "utf8")) as Workflow;
    expect(status).toEqual(r.workflow);
    expect(status.status?.nodes?.u).toMatchObject({
      id: "u",
      name: "u",
      displayName: "u",
      type: "Pod",
      templateName: "main",
      phase: "Succeeded",
      outputs: { exitCode: "0" },
    });
  });
});
