/**
 * A pod aborted while the engine is still creating one of its containers: the first `rm -f` finds
 * nothing, the `run` creates the container afterwards, and without a second removal it ran to its
 * end and stayed behind (the flaky "an aborted pod kills and removes its containers" test, under
 * load). A stand-in engine (a shell script) makes that order certain: its container exists only
 * 1 s after `run` starts, and the pod is aborted before that.
 */
import { chmodSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { PodRequest } from "../executor.js";
import { ContainerExecutor } from "./container-engine.js";

/** A fake engine: a container is a file `c-NAME`, created 1 s after `run NAME` starts, gone on `rm`. */
function slowCreateEngine(): { ex: ContainerExecutor; containers: () => string[] } {
  const dir = mkdtempSync(join(tmpdir(), "wfc-slow-engine-"));
  const bin = join(dir, "engine");
  writeFileSync(
    bin,
    `#!/bin/sh
d="${dir}/ctr"
mkdir -p "$d"
case "$1" in
  run)
    name="$3"
    sleep 1
    : > "$d/c-$name"
    i=0
    while [ -e "$d/c-$name" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i+1)); done
    exit 137 ;;
  rm)
    shift; code=0
    for a in "$@"; do
      case "$a" in -f|-t|0) ;; *) if [ -e "$d/c-$a" ]; then rm -f "$d/c-$a"; else code=1; fi ;; esac
    done
    exit $code ;;
  inspect) echo true ;;
esac
exit 0
`,
  );
  chmodSync(bin, 0o755);
  return {
    ex: new ContainerExecutor({ engine: { bin, kind: "podman", version: "slow engine" } }),
    containers: () => readdirSync(join(dir, "ctr")).filter((f) => f.startsWith("c-")),
  };
}

describe("an aborted pod whose container the engine creates after the first removal", () => {
  it("is removed all the same", async () => {
    const { ex, containers } = slowCreateEngine();
    const ctl = new AbortController();
    const workdir = mkdtempSync(join(tmpdir(), "wfc-slow-"));
    const req: PodRequest = {
      nodeId: "n",
      nodeName: "wf.t",
      podName: "wf-t-1",
      workflowName: "wf",
      template: { name: "t", container: { image: "busybox", command: ["sleep", "30"] } },
      templateName: "t",
      retry: 0,
      stage: [],
      // an output to copy out: the container is not `run --rm`
      collect: [{ containerPath: "/tmp/out", hostPath: join(workdir, "out"), optional: true }],
      volumes: [],
      workdir,
      signal: ctl.signal,
      onLog: () => undefined,
    };
    const p = ex.run(req);
    await new Promise((res) => setTimeout(res, 300));
    ctl.abort();
    expect(await p).toMatchObject({ exitCode: 137, phase: "Failed" });
    await ex.close();
    expect(containers()).toEqual([]);
    expect(ex.liveContainers()).toEqual([]);
  });
});
