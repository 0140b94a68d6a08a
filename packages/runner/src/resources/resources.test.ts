import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Workflow } from "@wfc/sdk/argo";
import { parseK8sYaml } from "@wfc/sdk/yaml";
import { describe, expect, it } from "vitest";
import { virtualClock } from "../clock-virtual.js";
import { RunnerError } from "../errors.js";
import { execute } from "../execute.js";
import { scriptedExecutor } from "../scripted-executor.js";
import { runWorkflow } from "../testing/index.js";
import { checkConditions, parseConditions } from "./conditions.js";
import { kubectlJsonPath } from "./kubectl-jsonpath.js";
import { mergePatch, strategicMergePatch } from "./merge-patch.js";

const examples = join(import.meta.dirname, "../../../../vendor/argo/examples");

type Obj = {
  kind: string;
  apiVersion: string;
  metadata: {
    name: string;
    generateName?: string;
    uid: string;
    annotations?: Record<string, string>;
    labels?: Record<string, string>;
    ownerReferences?: { kind: string; name: string; uid: string; controller?: boolean }[];
  };
  status?: { phase?: string };
};

async function runYaml(yaml: string, resources: "memory" | "none" = "memory") {
  const clock = virtualClock();
  const runDir = mkdtempSync(join(tmpdir(), "wfc-res-"));
  const r = await execute(parseK8sYaml(yaml)[0] as Workflow, {
    executor: scriptedExecutor({ sleep: clock.sleep }),
    clock,
    runDir,
    name: "res",
    ...(resources === "memory" ? { resources } : {}),
  });
  const objects = (r.resources ?? []) as Obj[];
  const nodes = Object.values(r.workflow.status?.nodes ?? {});
  return { ...r, objects, nodes, runDir };
}

const example = (name: string) => readFileSync(join(examples, `${name}.yaml`), "utf8");

describe("Argo's TestResourceConditionsMatching (workflow/executor/resource_test.go)", () => {
  const success = parseConditions("status.phase == Succeeded");
  const failure = parseConditions("status.phase == Error");
  it("a failure condition that holds fails", () => {
    expect(checkConditions({ name: "test", status: { phase: "Error" } }, success, failure)).toEqual({
      failed: "failure condition 'status.phase==Error' evaluated true",
    });
  });
  it("a success condition that holds is done", () => {
    expect(checkConditions({ name: "test", status: { phase: "Succeeded" } }, success, failure)).toEqual({ done: true });
  });
  it("neither: not yet", () => {
    expect(checkConditions({ name: "test", status: { phase: "Pending" } }, success, failure)).toEqual({ done: false });
  });
});

describe("conditions: Kubernetes label-selector syntax on gjson paths", () => {
  const job = { status: { succeeded: 2, failed: 0, conditions: [{ type: "Complete" }] }, metadata: { name: "j" } };
  const holds = (s: string) => {
    const r = checkConditions(job, parseConditions(s), []);
    return "done" in r && r.done;
  };
  it.each([
    ["status.succeeded > 0", true],
    ["status.succeeded > 2", false],
    ["status.failed < 1", true],
    ["status.succeeded > 0,status.failed == 0", true],
    ["status.succeeded in (1,2)", true],
    ["status.succeeded notin (1,2)", false],
    ["status.missing != x", true],
    ["status.missing", false],
    ["!status.missing", true],
    ["status.conditions.0.type = Complete", true],
    ["metadata.name", true],
  ])("%s -> %s", (s, want) => expect(holds(s)).toBe(want));
  it.each([
    ["status.phase ==", undefined],
    ["status.succeeded > x", /must be an integer/],
    ["status.phase in Succeeded", /expected: '\('/],
    ["a,", /after ','/],
    ["status.conditions.# == 1", /invalid label key/],
    ["status.phase == Bad Value", /expected: ',' or 'end of string'/],
  ])("rejects %s", (s, re) => {
    if (re) expect(() => parseConditions(s)).toThrow(re);
    else expect(parseConditions(s)).toEqual([{ key: "status.phase", op: "==", values: [""] }]);
  });
});

describe("patches and jsonPath", () => {
  it("merge patch: RFC 7386 (null deletes, lists replaced)", () => {
    expect(mergePatch({ a: 1, b: { c: 2, d: [1] } }, { b: { c: null, d: [2] }, e: "x" })).toEqual({
      a: 1,
      b: { d: [2] },
      e: "x",
    });
  });
  it("strategic merge by the kind's merge keys; a custom resource's is refused as the API server refuses it", () => {
    const pod = {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { labels: { a: "1" } },
      spec: { containers: [{ name: "x" }] },
    };
    expect(
      strategicMergePatch(pod, { metadata: { labels: { b: "2" } }, spec: { containers: [{ name: "x", image: "i" }] } }),
    ).toEqual({ ...pod, metadata: { labels: { a: "1", b: "2" } }, spec: { containers: [{ name: "x", image: "i" }] } });
    expect(() => strategicMergePatch({ apiVersion: "argoproj.io/v1alpha1", kind: "Workflow" }, { spec: {} })).toThrow(
      /^Error from server \(UnsupportedMediaType\): the body of the request was in an unknown format/,
    );
  });
  it("kubectl jsonpath templates", () => {
    const o = { metadata: { name: "wf-1", labels: { a: "b" } }, items: [{ n: 1 }, { n: 2 }] };
    expect(kubectlJsonPath("{.metadata.name}", o)).toBe("wf-1");
    expect(kubectlJsonPath(".metadata.name", o)).toBe("wf-1");
    expect(kubectlJsonPath("{.metadata.labels}", o)).toBe('{"a":"b"}');
    expect(kubectlJsonPath("{.items[*].n}", o)).toBe("1 2");
    expect(kubectlJsonPath("name={.metadata.name}", o)).toBe("name=wf-1");
    expect(kubectlJsonPath("{.metadata.missing}", o)).toBe("");
    expect(() => kubectlJsonPath("{range .items[*]}{.n}{end}", o)).toThrow(/not supported/);
  });
});

describe("resource templates without --resources: refused before anything starts, naming the flag", () => {
  it("k8s-patch-pod", async () => {
    const err = await runYaml(example("k8s-patch-pod"), "none").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RunnerError);
    expect((err as RunnerError).message).toContain('template "main" is a resource template');
    expect((err as RunnerError).message).toContain("--resources memory");
    expect((err as RunnerError).problems[0]?.hint).toBe("--resources memory, or wfc submit");
  });
});

describe("resource templates on the in-memory store: the vendored k8s-* examples", () => {
  for (const name of ["k8s-patch-pod", "k8s-patch-merge-pod", "k8s-patch-json-pod"]) {
    it(`${name}: the annotation is on the run's own pod`, async () => {
      const r = await runYaml(example(name));
      expect(r.phase).toBe("Succeeded");
      const pods = r.objects.filter((o) => o.kind === "Pod");
      expect(pods).toHaveLength(1);
      const pod = pods[0]!;
      const node = r.nodes.find((n) => n.type === "Pod")!;
      // the entrypoint's pod is named after the workflow (GeneratePodName)
      expect(pod.metadata.name).toBe("res");
      expect(pod.metadata.annotations).toEqual({
        foo: "bar",
        "workflows.argoproj.io/node-name": "res",
        "workflows.argoproj.io/node-id": node.id,
      });
      expect(pod.metadata.labels?.["workflows.argoproj.io/completed"]).toBe("true");
      expect(pod.status?.phase).toBe("Succeeded");
      expect(JSON.parse(readFileSync(join(r.runDir, "resources.json"), "utf8"))).toEqual(r.objects);
    });
  }

  it("k8s-owner-reference: the created Workflow is owned by the run's Workflow", async () => {
    const r = await runYaml(example("k8s-owner-reference"));
    expect(r.phase).toBe("Succeeded");
    const wfs = r.objects.filter((o) => o.kind === "Workflow");
    const self = wfs.find((o) => o.metadata.name === "res")!;
    const owned = wfs.find((o) => o.metadata.name !== "res")!;
    expect(owned.metadata.name).toMatch(/^owned-eg-[a-z0-9]{5}$/);
    expect(owned.metadata.ownerReferences).toEqual([
      {
        apiVersion: "argoproj.io/v1alpha1",
        kind: "Workflow",
        name: "res",
        uid: self.metadata.uid,
        controller: true,
        blockOwnerDeletion: true,
      },
    ]);
    expect(self.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("a strategic patch (the default) merges a Deployment's containers and env by name; a Workflow's is refused", async () => {
    const r = await runYaml(`
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: { name: res }
spec:
  entrypoint: main
  templates:
  - name: main
    steps:
    - - { name: make, template: make }
    - - { name: patch, template: patch }
    - - { name: read, template: read }
    - - { name: patch-wf, template: patch-wf }
  - name: make
    resource:
      action: create
      manifest: |
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: web }
        spec:
          template:
            spec:
              containers:
              - { name: app, image: "app:1", env: [{ name: A, value: "1" }, { name: B, value: "2" }] }
              - { name: proxy, image: envoy }
  - name: patch
    resource:
      action: patch
      flags: [deployment, web]
      manifest: |
        spec:
          template:
            spec:
              containers:
              - { name: app, image: "app:2", env: [{ name: B, value: "3" }] }
              - { name: proxy, $patch: delete }
  - name: read
    resource:
      action: get
      flags: [deploy, web]
    outputs:
      parameters:
      - name: containers
        valueFrom: { jsonPath: "{.spec.template.spec.containers}" }
  - name: patch-wf
    resource:
      action: patch
      flags: [workflow, res]
      manifest: '{"metadata": {"labels": {"x": "y"}}}'
`);
    const read = r.nodes.find((n) => n.displayName === "read")!;
    expect(JSON.parse(read.outputs?.parameters?.[0]?.value ?? "null")).toEqual([
      {
        name: "app",
        image: "app:2",
        env: [
          { name: "A", value: "1" },
          { name: "B", value: "3" },
        ],
      },
    ]);
    const wf = r.nodes.find((n) => n.displayName === "patch-wf")!;
    expect(wf.phase).toBe("Failed");
    expect(wf.message).toMatch(
      /Error from server \(UnsupportedMediaType\): the body of the request was in an unknown format/,
    );
  });

  it("create, wait for a success condition another node meets, jsonPath output, delete", async () => {
    const r = await runYaml(`
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: { name: res }
spec:
  entrypoint: main
  templates:
  - name: main
    dag:
      tasks:
      - { name: make, template: make }
      - { name: delay, template: delay, depends: make }
      - { name: finish, template: finish, depends: delay }
      - { name: wait, template: wait, depends: make }
      - { name: drop, template: drop, depends: wait && finish }
  - name: make
    resource:
      action: create
      manifest: |
        apiVersion: v1
        kind: ConfigMap
        metadata: { name: cm, labels: { app: demo } }
        data: { state: pending }
  - name: delay
    suspend: { duration: "10" }
  - name: finish
    resource:
      action: patch
      mergeStrategy: merge
      flags: [configmap, cm]
      manifest: '{"data": {"state": "done"}}'
  - name: wait
    resource:
      action: get
      flags: [cm, cm]
      successCondition: data.state == done
    outputs:
      parameters:
      - name: state
        valueFrom: { jsonPath: "{.data.state}" }
  - name: drop
    resource:
      action: delete
      flags: [configmap, --selector, app=demo]
`);
    expect(r.phase).toBe("Succeeded");
    const wait = r.nodes.find((n) => n.displayName === "wait")!;
    expect(wait.outputs?.parameters?.[0]).toMatchObject({ name: "state", value: "done" });
    // it waited for the patch, 10 s later on the virtual clock
    const make = r.nodes.find((n) => n.displayName === "make")!;
    expect(Date.parse(wait.finishedAt ?? "") - Date.parse(make.finishedAt ?? "")).toBeGreaterThanOrEqual(10_000);
    expect(r.objects.filter((o) => o.kind === "ConfigMap")).toEqual([]);
  });

  it("errors are the API's: AlreadyExists, NotFound, a failure condition", async () => {
    const r = await runYaml(`
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: { name: res }
spec:
  entrypoint: main
  templates:
  - name: main
    steps:
    - - { name: one, template: make }
    - - { name: two, template: make, continueOn: { failed: true } }
      - { name: missing, template: missing, continueOn: { failed: true } }
      - { name: bad, template: bad, continueOn: { failed: true } }
  - name: make
    resource:
      action: create
      manifest: '{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "cm"}, "data": {"phase": "Error"}}'
  - name: missing
    resource:
      action: get
      flags: [pod, nope]
  - name: bad
    resource:
      action: get
      flags: [configmap, cm]
      successCondition: data.phase == Succeeded
      failureCondition: data.phase == Error
`);
    const msg = (d: string) => r.nodes.find((n) => n.displayName === d)?.message;
    expect(msg("two")).toBe('Error from server (AlreadyExists): configmaps "cm" already exists');
    expect(msg("missing")).toBe('Error from server (NotFound): pods "nope" not found');
    expect(msg("bad")).toBe("failure condition 'data.phase==Error' evaluated true");
    expect(r.phase).toBe("Succeeded");
  });
});

describe("jqFilter outputs, as Argo's executor prints them (gojq: strings raw, values as json.Marshal)", () => {
  it("a string, an object with sorted keys and escaped HTML characters, several outputs on lines", async () => {
    const r = await runYaml(`
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: { name: res }
spec:
  entrypoint: main
  templates:
  - name: main
    resource:
      action: create
      manifest: |
        apiVersion: v1
        kind: ConfigMap
        metadata: { name: cm }
        data: { zeta: "a<b", alpha: "x & y" }
    outputs:
      parameters:
      - name: name
        valueFrom: { jqFilter: ".metadata.name" }
      - name: data
        valueFrom: { jqFilter: ".data" }
      - name: keys
        valueFrom: { jqFilter: ".data | keys[]" }
`);
    expect(r.phase).toBe("Succeeded");
    const params = r.nodes.find((n) => n.displayName === "res")!.outputs?.parameters ?? [];
    expect(Object.fromEntries(params.map((p) => [p.name, p.value]))).toEqual({
      name: "cm",
      data: '{"alpha":"x \\u0026 y","zeta":"a\\u003cb"}',
      keys: "alpha\nzeta",
    });
  });

  it("a filter jq cannot compile fails the node naming the parameter", async () => {
    const r = await runYaml(`
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: { name: res }
spec:
  entrypoint: main
  templates:
  - name: main
    resource:
      action: create
      manifest: |
        apiVersion: v1
        kind: ConfigMap
        metadata: { name: cm }
    outputs:
      parameters:
      - name: broken
        valueFrom: { jqFilter: ".data | (" }
`);
    expect(r.phase).toBe("Failed");
    expect(r.nodes.find((n) => n.displayName === "res")!.message).toMatch(/output parameter broken: jqFilter/);
  });
});

describe("a condition nothing in the run can meet", () => {
  it("fails the node saying so, instead of waiting forever (nothing reconciles a local store)", async () => {
    const r = await runYaml(`
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: { name: res }
spec:
  entrypoint: main
  templates:
  - name: main
    resource:
      action: create
      successCondition: status.succeeded > 0
      manifest: |
        apiVersion: batch/v1
        kind: Job
        metadata: { generateName: pi-job- }
        spec: { template: { spec: { containers: [{ name: pi, image: perl }], restartPolicy: Never } } }
`);
    expect(r.phase).toBe("Failed");
    expect(r.nodes[0]?.message).toMatch(
      /^Neither success condition nor the failure condition has been matched, and nothing else in this run is running that could change Job\/pi-job-\w{5} \(nothing reconciles objects in a local run's store\)$/,
    );
  });
});

describe("the testing harness: runWorkflow(..., { resources: 'memory' })", () => {
  it("runs k8s-patch-merge-pod and lists the store's objects", async () => {
    const manifest = parseK8sYaml(example("k8s-patch-merge-pod"))[0] as Workflow;
    const run = await runWorkflow(manifest, { resources: "memory", name: "harness" });
    expect(run.phase).toBe("Succeeded");
    const pod = run.resources.find((o) => o.kind === "Pod") as Obj | undefined;
    expect(pod?.metadata.annotations?.foo).toBe("bar");
    expect(pod?.metadata.name).toBe("harness");
    const without = await runWorkflow(manifest, { name: "harness" }).catch((e: unknown) => e);
    expect((without as Error).message).toContain("--resources memory");
  });
});
