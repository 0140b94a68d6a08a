import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { virtualClock } from "./clock-virtual.js";
import { execute } from "./execute.js";
import { run, wf } from "./run-helpers.test-util.js";
import { scriptedExecutor } from "./scripted-executor.js";

describe("volumes", () => {
  it("maps emptyDir per pod, volumeClaimTemplates per run, configMap volumes and env from local maps", async () => {
    const clock = virtualClock();
    const executor = scriptedExecutor();
    const runDir = mkdtempSync(join(tmpdir(), "wfc-vol-"));
    const r = await execute(
      wf(`
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: v}
spec:
  entrypoint: main
  volumeClaimTemplates:
  - metadata: {name: work}
    spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
  volumes:
  - name: cfg
    configMap: {name: app, items: [{key: conf, path: app.conf}]}
  templates:
  - name: main
    volumes: [{name: scratch, emptyDir: {}}]
    container:
      image: alpine
      env:
      - name: LEVEL
        valueFrom: {configMapKeyRef: {name: app, key: level}}
      volumeMounts:
      - {name: work, mountPath: /work}
      - {name: cfg, mountPath: /etc/app}
      - {name: scratch, mountPath: /scratch}
`),
      { executor, clock, runDir, configMaps: { app: { conf: "a=1", level: "debug" } } },
    );
    expect(r.phase).toBe("Succeeded");
    const q = executor.requests[0]!;
    const byName = Object.fromEntries(q.volumes.map((v) => [v.name, v]));
    expect(byName.work?.hostPath).toBe(join(runDir, "volumes", "pvc", "work"));
    expect(byName.scratch?.hostPath).toBe(join(runDir, "volumes", q.podName, "scratch"));
    expect(readFileSync(join(byName.cfg!.hostPath, "app.conf"), "utf8")).toBe("a=1");
    expect(q.template.container?.env?.[0]).toEqual({ name: "LEVEL", value: "debug" });
  });

  it("a configMap nobody supplied fails the pod naming it and the flag", async () => {
    const r = await run(`
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: v}
spec:
  entrypoint: main
  templates:
  - name: main
    volumes: [{name: cfg, secret: {secretName: creds}}]
    container: {image: alpine, volumeMounts: [{name: cfg, mountPath: /s}]}
`);
    expect(r.byName("v")).toMatchObject({
      phase: "Error",
      message: 'volume "cfg": secret "creds" was not supplied (give it with --secret)',
    });
  });

  it("containerSet.volumeMounts (applied to every container of the set) count as the pod's volumes", async () => {
    const r = await run(`
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: cs}
spec:
  entrypoint: main
  volumeClaimTemplates:
  - metadata: {name: workspace}
    spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Mi}}}
  templates:
  - name: main
    containerSet:
      volumeMounts: [{name: workspace, mountPath: /workspace}]
      containers:
      - {name: a, image: alpine}
      - {name: main, image: alpine, dependencies: [a]}
`);
    expect(r.byName("cs").phase).toBe("Succeeded");
    const [q] = r.executor.requests;
    expect(q?.volumes.map((v) => v.name)).toEqual(["workspace"]);
  });
});

describe("memoization", () => {
  it("a second run with the same key hits the cache and runs no pod", async () => {
    const cache = mkdtempSync(join(tmpdir(), "wfc-cache-"));
    const yaml = `
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: m}
spec:
  entrypoint: main
  templates:
  - name: main
    memoize: {key: "k-1", maxAge: "1h", cache: {configMap: {name: my-cache}}}
    outputs: {parameters: [{name: out, valueFrom: {path: /tmp/out}}]}
    container: {image: alpine}
`;
    const go = async () => {
      const executor = scriptedExecutor({ pods: { main: { files: { "/tmp/out": "42\n" } } } });
      const r = await execute(wf(yaml), {
        executor,
        clock: virtualClock(),
        runDir: mkdtempSync(join(tmpdir(), "wfc-m-")),
        cacheDir: cache,
      });
      return { r, executor };
    };
    const first = await go();
    expect(first.executor.requests).toHaveLength(1);
    expect(first.r.workflow.status?.nodes?.m?.memoizationStatus).toEqual({
      key: "k-1",
      cacheName: "my-cache",
      hit: false,
    });
    const second = await go();
    expect(second.executor.requests).toHaveLength(0);
    const node = second.r.workflow.status?.nodes?.m;
    expect(node?.memoizationStatus?.hit).toBe(true);
    expect(node?.outputs?.parameters?.[0]?.value).toBe("42");
  });
});

describe("data templates", () => {
  it("lists the artifact's keys and applies the transformations", async () => {
    const repo = mkdtempSync(join(tmpdir(), "wfc-repo-"));
    mkdirSync(join(repo, "logs"), { recursive: true });
    for (const f of ["a.log", "b.txt", "c.log"]) writeFileSync(join(repo, "logs", f), "");
    const executor = scriptedExecutor();
    const r = await execute(
      wf(`
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: d}
spec:
  entrypoint: main
  templates:
  - name: main
    steps:
    - - {name: list, template: list}
  - name: list
    data:
      source:
        artifactPaths: {name: logs, s3: {key: logs}}
      transformation:
      - expression: "filter(data, {# endsWith '.log'})"
`),
      { executor, clock: virtualClock(), runDir: mkdtempSync(join(tmpdir(), "wfc-d-")), artifactRepo: repo },
    );
    expect(r.phase).toBe("Succeeded");
    expect(
      r.workflow.status?.nodes &&
        Object.values(r.workflow.status.nodes).find((n) => n.displayName === "list")?.outputs?.result,
    ).toBe('["logs/a.log","logs/c.log"]');
    expect(executor.requests).toHaveLength(0);
  });
});

describe("parallelism and synchronization", () => {
  const fan = (extra: string) => `
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: p}
spec:
  entrypoint: main
${extra}
  templates:
  - name: c
    container: {image: alpine}
  - name: main
    TEMPLATE_PARALLELISM
    steps:
    - - {name: s, template: c, withSequence: {count: "6"}}
`;
  async function maxConcurrent(yaml: string) {
    const clock = virtualClock();
    let active = 0;
    let max = 0;
    const executor = scriptedExecutor({
      pods: {
        c: async () => {
          active++;
          max = Math.max(max, active);
          await clock.sleep(1000);
          active--;
          return {};
        },
      },
    });
    const r = await execute(wf(yaml), { executor, clock, runDir: mkdtempSync(join(tmpdir(), "wfc-p-")) });
    return { r, max, elapsed: clock.elapsed() };
  }
  it("template parallelism limits the running children", async () => {
    const { r, max, elapsed } = await maxConcurrent(fan("").replace("TEMPLATE_PARALLELISM", "parallelism: 2"));
    expect(r.phase).toBe("Succeeded");
    expect(max).toBe(2);
    expect(elapsed).toBe(3000);
  });
  it("workflow parallelism limits running pods", async () => {
    const { max } = await maxConcurrent(fan("  parallelism: 3").replace("TEMPLATE_PARALLELISM", ""));
    expect(max).toBe(3);
  });
  it("a mutex lets one pod at a time in", async () => {
    const { max } = await maxConcurrent(
      fan("")
        .replace("TEMPLATE_PARALLELISM", "")
        .replace(
          "container: {image: alpine}",
          "synchronization: {mutexes: [{name: m}]}\n    container: {image: alpine}",
        ),
    );
    expect(max).toBe(1);
  });
});

describe("shutdown", () => {
  it("options.signal stops every running pod and fails the workflow with Argo's message", async () => {
    const ac = new AbortController();
    const seen: AbortSignal[] = [];
    const executor = scriptedExecutor({
      pods: {
        c: (q) =>
          new Promise((resolve) => {
            seen.push(q.signal);
            if (seen.length === 2) setTimeout(() => ac.abort(), 5);
            q.signal.addEventListener("abort", () => resolve({ exitCode: 143 }));
          }),
      },
    });
    let closed = false;
    const r = await execute(
      wf(`
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: x}
spec:
  entrypoint: main
  onExit: c
  templates:
  - name: c
    container: {image: alpine}
  - name: main
    steps:
    - - {name: a, template: c}
      - {name: b, template: c}
`),
      {
        executor: {
          ...executor,
          run: executor.run,
          close: async () => {
            closed = true;
          },
        },
        signal: ac.signal,
        runDir: mkdtempSync(join(tmpdir(), "wfc-x-")),
      },
    );
    expect(r.phase).toBe("Failed");
    expect(r.workflow.status?.message).toBe("Stopped with strategy 'Terminate'");
    expect(seen.every((s) => s.aborted)).toBe(true);
    expect(closed).toBe(true);
    const a = Object.values(r.workflow.status?.nodes ?? {}).find((n) => n.displayName === "a");
    expect(a).toMatchObject({ phase: "Failed", message: "Stopped with strategy 'Terminate'" });
    expect(Object.values(r.workflow.status?.nodes ?? {}).some((n) => n.name === "x.onExit")).toBe(false);
  });
});

describe("http templates", () => {
  it("make an HTTP node whose result is the body the executor returned (no exit code)", async () => {
    const executor = scriptedExecutor({ pods: { get: { stdout: '{"ok":true}' } } });
    const r = await execute(
      wf(`
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: h}
spec:
  entrypoint: get
  templates:
  - name: get
    http: {url: "https://example.com/{{workflow.name}}"}
`),
      { executor, runDir: mkdtempSync(join(tmpdir(), "wfc-h-")) },
    );
    expect(r.phase).toBe("Succeeded");
    expect(r.workflow.status?.nodes?.h).toMatchObject({ type: "HTTP", outputs: { result: '{"ok":true}' } });
    expect(r.workflow.status?.nodes?.h?.outputs?.exitCode).toBeUndefined();
    expect(executor.requests[0]?.template.http?.url).toBe("https://example.com/h");
  });
});
