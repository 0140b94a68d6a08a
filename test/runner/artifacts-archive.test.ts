/**
 * Default archiving, both directions, with real containers: Argo stores output artifacts
 * tar.gz-archived unless `archive: none` and unpacks them on input, so a directory output is a
 * directory again in the next pod, and a file (archived or not) is a file; `archive: zip` is
 * Argo's zip both ways. Skipped, saying why, when no container engine answers.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseK8sYaml } from "@wfc/sdk";
import type { Workflow } from "@wfc/sdk/argo";
import { unzipSync } from "fflate";
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

const zipManifest = `
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: zip-${process.pid}}
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
          - {name: mounted, from: "{{steps.make.outputs.artifacts.mounted}}"}
          - {name: z, from: "{{steps.make.outputs.artifacts.z}}"}
  - name: make
    volumes:
    - {name: work, emptyDir: {}}
    container:
      image: busybox
      volumeMounts:
      - {name: work, mountPath: /work}
      command: [sh, -c, "mkdir -p /out/dir/sub /work/m && echo a > /out/dir/a && echo b > /out/dir/sub/b && echo m > /work/m/x && echo z > /tmp/z"]
    outputs:
      artifacts:
      - {name: dir, path: /out/dir, archive: {zip: {}}}
      - {name: mounted, path: /work/m, archive: {zip: {}}}
      - {name: z, path: /tmp/z, archive: {zip: {}}}
  - name: use
    inputs:
      artifacts:
      - {name: dir, path: /in/dir}
      - {name: mounted, path: /in/m}
      - {name: z, path: /in/z}
    container:
      image: busybox
      command: [sh, -c, "cat /in/dir/a /in/dir/sub/b /in/m/x /in/z/argo/outputs/artifacts/z"]
`;

describe.skipIf(!engine)("archive: zip seen from the pods", () => {
  it("Argo's entry names (the artifact's name, the mount's base name, a file's path) and unzip on input", async () => {
    ensureTestImages(engine!);
    const wf = parseK8sYaml(zipManifest)[0] as Workflow;
    const containers = new ContainerExecutor({
      engine: engine!,
      imageMap: [parseImageMapEntry(`busybox=${BUSYBOX_IMAGE}`)],
    });
    const executor = new RouterExecutor({ containers });
    const runDir = mkdtempSync(join(tmpdir(), "wfc-zip-"));
    try {
      const r = await execute(wf, { executor, runDir });
      const nodes = Object.values(r.workflow.status?.nodes ?? {});
      expect(r.phase).toBe("Succeeded");
      const outs = nodes.find((n) => n.displayName === "make")?.outputs?.artifacts ?? [];
      const names = (n: string) => {
        const key = (outs.find((a) => a.name === n) as { s3?: { key: string } }).s3?.key ?? "";
        expect(key).toMatch(new RegExp(`/${n}\\.zip$`));
        return Object.keys(unzipSync(readFileSync(join(runDir, "artifacts", key))));
      };
      expect(names("dir")).toEqual(["dir/a", "dir/sub/b"]);
      expect(names("mounted")).toEqual(["m/x"]);
      expect(names("z")).toEqual(["/tmp/argo/outputs/artifacts/z"]);
      // the consuming pod's cat fails unless each input has Argo's unzipped shape
      expect(nodes.find((n) => n.displayName === "use")?.phase).toBe("Succeeded");
    } finally {
      await executor.close();
    }
  });
});
