/**
 * `wfc run` end to end, with real containers (podman here): the README's examples, a failing
 * pipeline, no engine, invalid input, Ctrl-C, in-process vs --isolate. Container tests are skipped,
 * saying why, when no engine answers.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT, WFC, wfc } from "../helpers.js";
import { BUSYBOX_IMAGE, containersOf, ensureTestImages, SHIMS, testEngine } from "./images.js";

const { engine, reason } = await testEngine();
if (!engine) console.warn(`skipping wfc run container tests: ${reason}`);
const FIX = join(ROOT, "test/runner/fixtures");
const tag = `${process.pid}`;
const busybox = ["--image-map", `busybox=${BUSYBOX_IMAGE}`];
const machine = ["--image-map", "*=rootfs:/", "--mount", `${SHIMS}:/usr/local/sbin:ro`];

function scratch(): string {
  return mkdtempSync(join(tmpdir(), "wfc-run-"));
}

function status(
  cwd: string,
  name: string,
): {
  status: {
    phase: string;
    nodes: Record<string, { displayName: string; phase: string; outputs?: { result?: string } }>;
  };
} {
  return JSON.parse(readFileSync(join(cwd, ".wfc/runs", name, "status.json"), "utf8"));
}

describe("wfc run: no containers needed", () => {
  it("runs examples/quickstart.ts in-process: exit 0, status and logs in the run directory", () => {
    const cwd = scratch();
    const r = wfc(["run", join(ROOT, "examples/quickstart.ts"), "--name", `quickstart-${tag}`], { cwd });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`quickstart-${tag} Succeeded`);
    const s = status(cwd, `quickstart-${tag}`);
    expect(s.status.phase).toBe("Succeeded");
    const rand = Object.values(s.status.nodes).find((n) => n.displayName === "random-number")!.outputs!.result!;
    const logs = readdirSync(join(cwd, ".wfc/runs", `quickstart-${tag}`, "logs"));
    const plusOne = logs.find((f) => f.includes("plus-one"))!;
    expect(readFileSync(join(cwd, ".wfc/runs", `quickstart-${tag}`, "logs", plusOne), "utf8")).toBe(
      `${Number(rand) + 1}\n`,
    );
  });

  it("an invalid manifest gives the errors wfc lint gives, before anything starts", () => {
    const cwd = scratch();
    const file = join(FIX, "invalid.yaml");
    const lint = wfc(["lint", file], { cwd });
    const run = wfc(["run", file], { cwd });
    expect(run.code).toBe(1);
    expect(lint.code).toBe(1);
    expect(run.stderr).toBe(lint.stderr);
    expect(existsSync(join(cwd, ".wfc"))).toBe(false);
  });

  it("without an engine, a workflow with containers stops before it starts with one line", () => {
    const cwd = scratch();
    const bin = mkdtempSync(join(tmpdir(), "wfc-path-"));
    symlinkSync(process.execPath, join(bin, "node"));
    const r = wfc(["run", join(FIX, "failing.yaml")], { cwd, env: { PATH: bin, WFC_ENGINE: "" } });
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^error: no container engine answers \(podman: not installed; docker: not installed\): install podman .* or Docker .* --engine PATH .*\(needed by templates say, fail\) \[E_RUN_NO_ENGINE\]$/,
    );
    expect(existsSync(join(cwd, ".wfc"))).toBe(false);
    const named = wfc(["run", join(FIX, "failing.yaml"), "--engine", "/bin/false"], { cwd });
    expect(named.stderr.trim().split("\n")).toHaveLength(1);
    expect(named.stderr).toMatch(/^error: container engine \/bin\/false does not answer/);
  });

  it("a resource template stops the run before it starts naming --resources memory; with it, the store's objects are kept", () => {
    const cwd = scratch();
    const file = join(ROOT, "vendor/argo/examples/k8s-patch-json-pod.yaml");
    const without = wfc(["run", file, "--name", `res-${tag}`], { cwd });
    expect(without.code).toBe(1);
    expect(without.stderr).toBe(
      `error: cannot run workflow res-${tag} locally:\n  template "main" is a resource template: it needs a cluster, or --resources memory to act on an in-memory object store (--resources memory, or wfc submit) [E_RUN_NEEDS_CLUSTER]\n`,
    );
    expect(existsSync(join(cwd, ".wfc"))).toBe(false);
    const r = wfc(["run", file, "--name", `res-${tag}`, "--resources", "memory"], { cwd });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const objects = JSON.parse(readFileSync(join(cwd, ".wfc/runs", `res-${tag}`, "resources.json"), "utf8")) as {
      kind: string;
      metadata: { name: string; annotations?: Record<string, string> };
    }[];
    const pod = objects.find((o) => o.kind === "Pod");
    expect(pod?.metadata.name).toBe(`res-${tag}`);
    expect(pod?.metadata.annotations?.foo).toBe("bar");
    expect(wfc(["run", file, "--resources", "cluster"], { cwd }).code).toBe(2);
  });
});

describe.skipIf(!engine)("wfc run: containers", () => {
  beforeAll(() => ensureTestImages(engine!));

  it("runs examples/etl.ts with an image map: artifacts, fan-out, fan-in; nothing left running", () => {
    const cwd = scratch();
    const name = `etl-${tag}`;
    const r = wfc(
      [
        "run",
        join(ROOT, "examples/etl.ts"),
        "--name",
        name,
        ...machine,
        "--mount",
        `${join(FIX, "etl-python/etl")}:/usr/lib/python3/dist-packages/etl:ro`,
        "--logs",
      ],
      { cwd },
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("extracted 3 partitions for 2026-01-01");
    expect(r.stdout).toMatch(/2026-01-01-16: 4 rows/);
    expect(r.stdout).toContain("loaded 2026-01-01 into events");
    expect(containersOf(engine!, name)).toEqual([]);
  });

  it("a failing pipeline exits 1 naming the failed node and its message; nothing left", () => {
    const cwd = scratch();
    const name = `failing-${tag}`;
    const r = wfc(["run", join(FIX, "failing.yaml"), "--name", name, ...busybox], { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split("\n").pop()).toBe(
      `error: workflow ${name} Failed: node broken (${name}[1].broken) Failed: main: Error (exit code 3) [E_RUN_FAILED]`,
    );
    expect(readFileSync(join(cwd, ".wfc/runs", name, "status.json"), "utf8")).toContain('"phase": "Failed"');
    expect(containersOf(engine!, name)).toEqual([]);
  });

  it("an image nobody has fails its node naming the image and --image-map", () => {
    const cwd = scratch();
    const r = wfc(
      [
        "run",
        join(FIX, "failing.yaml"),
        "--name",
        `noimage-${tag}`,
        "--image-map",
        "busybox=example.invalid/nothing:1",
      ],
      { cwd },
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /node fine \(.*\) Error: could not pull example\.invalid\/nothing:1: .* \(mapped from busybox by --image-map\) \[E_RUN_FAILED\]$/m,
    );
  });

  it("Ctrl-C stops and removes every container, exit 130", async () => {
    const cwd = scratch();
    const name = `sleepy-${tag}`;
    const child = spawn(process.execPath, [WFC, "run", join(FIX, "sleepy.yaml"), "--name", name, ...busybox], {
      cwd,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let err = "";
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    const code = new Promise<number | null>((res) => child.on("close", (c) => res(c)));
    for (let i = 0; i < 200 && containersOf(engine!, name).length < 2; i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(containersOf(engine!, name)).toHaveLength(2);
    child.kill("SIGINT");
    expect(await code).toBe(130);
    expect(err).toContain("interrupted");
    expect(containersOf(engine!, name)).toEqual([]);
  });

  it("in-process and --isolate give the same outputs", () => {
    const outputs = (extra: string[]) => {
      const cwd = scratch();
      const r = wfc(["run", join(FIX, "node-pipeline.ts"), "--name", "np", "-p", "x=9", "-o", "json", ...extra], {
        cwd,
      });
      expect(r.code).toBe(0);
      const wf = JSON.parse(r.stdout) as {
        status: { nodes: Record<string, { displayName: string; outputs?: unknown }> };
      };
      const logs = Object.fromEntries(
        readdirSync(join(cwd, ".wfc/runs/np/logs")).map((f) => [
          f,
          readFileSync(join(cwd, ".wfc/runs/np/logs", f), "utf8"),
        ]),
      );
      return {
        nodes: Object.values(wf.status.nodes)
          .map((n) => [n.displayName, n.outputs ?? null])
          .sort(),
        logs,
      };
    };
    const inProcess = outputs([]);
    expect(JSON.stringify(inProcess)).toContain('"result":"describing 81\\nsquare: 81 (posix)"');
    expect(outputs(["--isolate", ...machine])).toEqual(inProcess);
  });

  it("--configmap and --secret give env from directories, manifests and .env files; a missing one is named", () => {
    const cwd = scratch();
    const file = join(FIX, "env-sources.yaml");
    const sources = [
      "--configmap",
      `settings=${join(FIX, "settings")}`,
      "--secret",
      `api=${join(FIX, "api-secret.yaml")}`,
      "--configmap",
      `more=${join(FIX, "more.env")}`,
    ];
    const r = wfc(["run", file, "--name", `env-${tag}`, ...busybox, ...sources, "--logs"], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("level=debug token=s3cr3t region=eu-west-1");
    const missing = wfc(["run", file, "--name", `env2-${tag}`, ...busybox, ...sources.slice(0, 4)], { cwd });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("envFrom: configmap more was not given: pass it with --configmap more=PATH");
  });

  it("templateRef from --templates; without it, the run stops before it starts naming the flag", () => {
    const cwd = scratch();
    const file = join(ROOT, "vendor/argo/examples/workflow-template__hello-world.yaml");
    const templates = join(ROOT, "vendor/argo/examples/workflow-template__templates.yaml");
    const r = wfc(
      [
        "run",
        file,
        "--name",
        `wft-${tag}`,
        "--templates",
        templates,
        "--image-map",
        "*=rootfs:/",
        "--mount",
        `${SHIMS}:/usr/local/sbin:ro`,
        "--logs",
      ],
      { cwd },
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("hello world");
    const without = wfc(["run", file, "--name", `wft2-${tag}`], { cwd });
    expect(without.code).toBe(1);
    expect(without.stderr).toContain("--templates");
    expect(existsSync(join(cwd, ".wfc/runs", `wft2-${tag}`))).toBe(false);
  });
});
