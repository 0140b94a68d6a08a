/**
 * Default archiving, both directions, with real containers: Argo stores output artifacts
 * tar.gz-archived unless `archive: none` and unpacks them on input, so a directory output is a
 * directory again in the next pod, and a file (archived or not) is a file. Skipped, saying why,
 * when no container engine answers.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseK8sYaml } from "@wfc/sdk";
import type { Workflow } from "@wfc/sdk/argo";
import { describe, expect, it } from "vitest";
import { ContainerExecutor, parseImageMapEntry, RouterExecutor } from "../../packages/runner/src/exec/index.js";
import { execute } from "../../packages/runner/src/execute.js";
import { BUSYBOX_IMAGE, containersOf, ensureTestImages, testEngine } from "./images.js";

const { engine, reason } = await testEngine();
if (!engine) console.warn(`skipping the artifact archiving tests: ${reason}`);

const manifest = `
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: archive-${process.pid}}
spec:
  entrypoint: main
  templates:
  - name: main
    steps:
    - - {name: make, template: make}
    - - name: use
        template: use
        arguments:
          artifacts:
          - {name: dir, from: "{{steps.make.outputs.artifacts.dir}}"}
          - {name: file, from: "{{steps.make.outputs.artifacts.file}}"}
          - {name: plain, from: "{{steps.make.outputs.artifacts.plain}}"}
  - name: make
    container:
      image: busybox
      command: [sh, -c, "mkdir -p /out/dir/sub && echo a > /out/dir/a && echo b > /out/dir/sub/b && echo f > /out/f && echo p > /out/p"]
    outputs:
      artifacts:
      - {name: dir, path: /out/dir}
      - {name: file, path: /out/f}
      - {name: plain, path: /out/p, archive: {none: {}}}
  - name: use
    inputs:
      artifacts:
      - {name: dir, path: /in/dir}
      - {name: file, path: /in/f}
      - {name: plain, path: /in/p}
    container:
      image: busybox
      command: [sh, -c, "test -d /in/dir && cat /in/dir/a /in/dir/sub/b && test -f /in/f && cat /in/f && test -f /in/p && cat /in/p"]
`;

describe.skipIf(!engine)("artifact archiving (default tar.gz, archive: none) seen from the pods", () => {
  it("a directory output is a directory input; an archived file and a none file are files", async () => {
    ensureTestImages(engine!);
    const wf = parseK8sYaml(manifest)[0] as Workflow;
    const containers = new ContainerExecutor({
      engine: engine!,
      imageMap: [parseImageMapEntry(`busybox=${BUSYBOX_IMAGE}`)],
    });
    const executor = new RouterExecutor({ containers });
    try {
      const r = await execute(wf, { executor, runDir: mkdtempSync(join(tmpdir(), "wfc-archive-")) });
      const use = Object.values(r.workflow.status?.nodes ?? {}).find((n) => n.displayName === "use");
      expect(r.phase).toBe("Succeeded");
      // the pod's own `test -d` / `test -f` checks: a wrong shape fails it
      expect(use?.phase).toBe("Succeeded");
    } finally {
      await executor.close();
    }
    expect(containersOf(engine!, wf.metadata.name ?? "")).toEqual([]);
  });
});
