import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { list as tarList } from "tar";
import { describe, expect, it } from "vitest";
import { run } from "./run-helpers.test-util.js";

describe("artifacts", () => {
  it("stores an output artifact in the local repository and stages it as the next step's input (artifact-passing)", async () => {
    const r = await run(
      readFileSync(join(import.meta.dirname, "../../../vendor/argo/examples/artifact-passing.yaml"), "utf8"),
      {
        pods: {
          "hello-world-to-file": { files: { "/tmp/hello_world.txt": "hello world\n" } },
          "print-message-from-file": (q) => ({
            stdout: q.stage.find((s) => s.containerPath === "/tmp/message")?.hostPath ?? "none",
          }),
        },
      },
    );
    expect(r.phase).toBe("Succeeded");
    const gen = r.nodes.find((n) => n.displayName === "generate-artifact")!;
    const art = gen.outputs?.artifacts?.[0];
    expect(art).toMatchObject({ name: "hello-art", path: "/tmp/hello_world.txt" });
    const key = (art as { s3?: { key: string } }).s3?.key ?? "";
    // Argo's default: tar+gzip under <workflow>/<pod>/<name>.tgz, one root entry named for the path
    expect(key).toMatch(new RegExp(`^${r.workflow.metadata.name}/.+/hello-art\\.tgz$`));
    const stored = join(r.runDir, "artifacts", key);
    expect([...readFileSync(stored).subarray(0, 2)]).toEqual([0x1f, 0x8b]);
    const entries: string[] = [];
    await tarList({ file: stored, onReadEntry: (e) => void entries.push(e.path) });
    expect(entries).toEqual(["hello_world.txt"]);
    // unpacked on input: the next pod gets the file at its path
    const consume = r.executor.requests.find((q) => q.templateName === "print-message-from-file")!;
    const staged = consume.stage[0]?.hostPath ?? "";
    expect(consume.stage).toEqual([{ containerPath: "/tmp/message", hostPath: staged }]);
    expect(readFileSync(staged, "utf8")).toBe("hello world\n");
    expect(consume.template.inputs?.artifacts?.[0]).toMatchObject({
      name: "message",
      path: "/tmp/message",
      s3: { key },
    });
  });

  it("stages raw artifacts, errors on missing required input, and exposes global output artifacts", async () => {
    const r = await run(
      `
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: a}
spec:
  entrypoint: main
  templates:
  - name: main
    dag:
      tasks:
      - {name: make, template: make}
      - name: use
        template: use
        dependencies: [make]
        arguments:
          artifacts:
          - {name: in, fromExpression: "tasks.make.outputs.artifacts.out"}
  - name: make
    inputs:
      artifacts:
      - name: cfg
        path: /cfg
        raw: {data: "x=1"}
    outputs:
      artifacts:
      - {name: out, path: /out, globalName: result}
    container: {image: alpine}
  - name: use
    inputs: {artifacts: [{name: in, path: /in}]}
    container: {image: alpine}
`,
      { pods: { make: (q) => ({ files: { "/out/a.txt": `got ${q.stage[0]?.content ?? ""}` } }) } },
    );
    expect(r.phase).toBe("Succeeded");
    expect(r.workflow.status?.outputs?.artifacts?.[0]).toMatchObject({ name: "result" });
    const use = r.executor.requests.find((q) => q.templateName === "use")!;
    const host = use.stage[0]?.hostPath ?? "";
    expect(readFileSync(join(host, "a.txt"), "utf8")).toBe("got x=1");
    expect(existsSync(join(r.runDir, "status.json"))).toBe(true);
  });

  it("a missing output artifact fails the pod (Error) with the path", async () => {
    const r = await run(`
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: m}
spec:
  entrypoint: make
  templates:
  - name: make
    outputs: {artifacts: [{name: out, path: /out}]}
    container: {image: alpine}
`);
    expect(r.byName("m")).toMatchObject({ phase: "Error", message: "path /out does not exist (output artifact out)" });
  });

  it("clones a git input artifact (a local repository here) and stages the checkout", async () => {
    const { execFileSync } = await import("node:child_process");
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const repo = mkdtempSync(join(tmpdir(), "wfc-git-"));
    const git = (...a: string[]) =>
      execFileSync("git", ["-C", repo, ...a], {
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: "t",
          GIT_AUTHOR_EMAIL: "t@t",
          GIT_COMMITTER_NAME: "t",
          GIT_COMMITTER_EMAIL: "t@t",
        },
      });
    execFileSync("git", ["init", "-q", repo]);
    writeFileSync(join(repo, "README"), "hi from git\n");
    git("add", "README");
    git("commit", "-qm", "first");
    const r = await run(`
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: g}
spec:
  entrypoint: main
  templates:
  - name: main
    inputs:
      artifacts:
      - {name: src, path: /src, git: {repo: "${repo}"}}
    container: {image: alpine}
`);
    expect(r.phase).toBe("Succeeded");
    const host = r.executor.requests[0]?.stage.find((s) => s.containerPath === "/src")?.hostPath ?? "";
    expect(readFileSync(join(host, "README"), "utf8")).toBe("hi from git\n");
  });

  it("archive: none is stored as it is, under the path's base name; a tar with a compressionLevel is unpacked on input", async () => {
    const r = await run(
      `
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: none}
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
          - {name: plain, from: "{{steps.make.outputs.artifacts.plain}}"}
          - {name: dir, from: "{{steps.make.outputs.artifacts.dir}}"}
  - name: make
    outputs:
      artifacts:
      - {name: plain, path: /out/report.txt, archive: {none: {}}}
      - {name: dir, path: /out/d, archive: {tar: {compressionLevel: 1}}}
    container: {image: alpine}
  - name: use
    inputs:
      artifacts:
      - {name: plain, path: /in/p}
      - {name: dir, path: /in/d}
    container: {image: alpine}
`,
      { pods: { make: { files: { "/out/report.txt": "r", "/out/d/x": "1", "/out/d/y/z": "2" } } } },
    );
    expect(r.phase).toBe("Succeeded");
    const outs = r.nodes.find((n) => n.displayName === "make")?.outputs?.artifacts ?? [];
    const keyOf = (n: string) =>
      (outs.find((a) => a.name === n) as { s3?: { key: string } } | undefined)?.s3?.key ?? "";
    expect(keyOf("plain")).toMatch(/^none\/none-make-\d+\/report\.txt$/);
    expect(readFileSync(join(r.runDir, "artifacts", keyOf("plain")), "utf8")).toBe("r");
    expect(keyOf("dir")).toMatch(/\/dir\.tgz$/);
    const use = r.executor.requests.find((q) => q.templateName === "use")!;
    const dir = use.stage.find((s) => s.containerPath === "/in/d")?.hostPath ?? "";
    expect(readFileSync(join(dir, "x"), "utf8")).toBe("1");
    expect(readFileSync(join(dir, "y/z"), "utf8")).toBe("2");
    expect(use.stage.find((s) => s.containerPath === "/in/p")?.hostPath).toBe(
      join(r.runDir, "artifacts", keyOf("plain")),
    );
  });

  it("archive: zip is stored as <name>.zip, root entry the artifact's name, and unzipped on input with archive: zip", async () => {
    const r = await run(
      `
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: zip}
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
          - {name: kept, from: "{{steps.make.outputs.artifacts.dir}}"}
  - name: make
    outputs:
      artifacts:
      - {name: dir, path: /out/d, archive: {zip: {}}}
    container: {image: alpine}
  - name: use
    inputs:
      artifacts:
      - {name: dir, path: /in/d, archive: {zip: {}}}
      - {name: kept, path: /in/kept, archive: {none: {}}}
    container: {image: alpine}
`,
      { pods: { make: { files: { "/out/d/x": "1", "/out/d/y/z": "2" } } } },
    );
    expect(r.phase).toBe("Succeeded");
    const made = r.nodes.find((n) => n.displayName === "make")?.outputs?.artifacts?.[0] as
      | { s3?: { key: string } }
      | undefined;
    const key = made?.s3?.key ?? "";
    expect(key).toMatch(/^zip\/zip-make-\d+\/dir\.zip$/);
    const stored = readFileSync(join(r.runDir, "artifacts", key));
    expect(Object.keys(unzipSync(stored))).toEqual(["dir/x", "dir/y/z"]);
    const use = r.executor.requests.find((q) => q.templateName === "use")!;
    const dir = use.stage.find((s) => s.containerPath === "/in/d")?.hostPath ?? "";
    expect(readFileSync(join(dir, "x"), "utf8")).toBe("1");
    expect(readFileSync(join(dir, "y/z"), "utf8")).toBe("2");
    // an argument replaces the input but for its path and mode (common.ProcessArgs), so the
    // output's archive: zip wins over the input's own archive: none
    const kept = use.stage.find((s) => s.containerPath === "/in/kept")?.hostPath ?? "";
    expect(readFileSync(join(kept, "y/z"), "utf8")).toBe("2");
  });

  it("archive: zip of a single file fails as Argo's executor fails it, naming the artifact", async () => {
    const r = await run(
      `
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: zip}
spec:
  entrypoint: make
  templates:
  - name: make
    outputs:
      artifacts:
      - {name: z, path: /out/z.txt, archive: {zip: {}}}
    container: {image: alpine}
`,
      { pods: { make: { files: { "/out/z.txt": "1" } } } },
    );
    expect(r.phase).toBe("Error");
    expect(r.byName("zip").message).toMatch(
      /^output artifact z: stat \/tmp\/argo\/outputs\/artifacts\/z: no such file or directory \(Argo's executor cannot zip/,
    );
  });
});
