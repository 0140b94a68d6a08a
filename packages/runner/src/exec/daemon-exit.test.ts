/**
 * A daemon's container that exits while the engine's attached `run` has not returned yet. podman's
 * `run` returns some time after its container exits (it waits for the exit code and cleans up;
 * under load, over a second), so "run still going" does not mean "container running". A stand-in
 * engine (a shell script) makes that lag certain: its container runs for exactly one
 * `inspect --format {{.State.Running}}` ("true" once, then "false"), and `run` returns 3 s later
 * with the container's exit code. Before the fix, these daemons were reported daemoned with exit
 * code 0 (the flaky container-executor tests), or as an Error for want of an IP.
 */
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Template } from "@wfc/sdk/argo";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PodRequest } from "../executor.js";
import { ContainerExecutor } from "./container-engine.js";

/** A fake engine: `run` returns `code` after 3 s; the container counts as running for one inspect. */
function lateEngine(code: number, ip: string): ContainerExecutor {
  const dir = mkdtempSync(join(tmpdir(), "wfc-late-engine-"));
  const bin = join(dir, "engine");
  writeFileSync(
    bin,
    `#!/bin/sh
case "$1" in
  run) sleep 3; exit ${code} ;;
  inspect)
    case "$3" in
      "{{.State.Running}}")
        if [ -e "${dir}/seen" ]; then echo false; else : > "${dir}/seen"; echo true; fi ;;
      "{{.NetworkSettings.IPAddress}}") echo "${ip}" ;;
    esac ;;
  exec) exit 1 ;;
esac
exit 0
`,
  );
  chmodSync(bin, 0o755);
  return new ContainerExecutor({ engine: { bin, kind: "podman", version: "late engine" } });
}

function request(template: Template): PodRequest {
  return {
    nodeId: "n",
    nodeName: "wf.d",
    podName: "wf-d-1",
    workflowName: "wf",
    template,
    templateName: "d",
    retry: 0,
    stage: [],
    collect: [],
    volumes: [],
    workdir: mkdtempSync(join(tmpdir(), "wfc-late-")),
    signal: new AbortController().signal,
    onLog: () => undefined,
  };
}

// something else listening where the exited container's address pointed (an address handed out again)
let other: Server;
let port = 0;
beforeAll(async () => {
  other = createServer((s) => s.destroy());
  await new Promise<void>((r) => other.listen(0, "127.0.0.1", r));
  port = (other.address() as { port: number }).port;
});
afterAll(() => new Promise<void>((r) => other.close(() => r())));

describe("a daemon whose container exits before its engine's `run` returns", () => {
  it("without a readinessProbe: a failed pod with the container's exit code, not daemoned", async () => {
    const ex = lateEngine(4, "");
    const r = await ex.run(request({ name: "d", daemon: true, container: { image: "busybox", command: ["false"] } }));
    expect(r).toMatchObject({ exitCode: 4, phase: "Failed" });
    expect(r.daemoned).toBeUndefined();
    await ex.close();
  });

  it("with a tcpSocket probe that something else answers: the container's exit code, not daemoned", async () => {
    const ex = lateEngine(5, "127.0.0.1");
    const r = await ex.run(
      request({
        name: "d",
        daemon: true,
        container: { image: "busybox", command: ["false"], readinessProbe: { tcpSocket: { port }, periodSeconds: 1 } },
      }),
    );
    expect(r).toMatchObject({ exitCode: 5, phase: "Failed" });
    expect(r.daemoned).toBeUndefined();
    await ex.close();
  });

  it("with a probe that cannot run for want of an IP (the container is gone): its exit code, not an Error", async () => {
    const ex = lateEngine(5, "");
    const r = await ex.run(
      request({
        name: "d",
        daemon: true,
        container: { image: "busybox", command: ["false"], readinessProbe: { tcpSocket: { port: 80 } } },
      }),
    );
    expect(r).toMatchObject({ exitCode: 5, phase: "Failed" });
    await ex.close();
  });
});
