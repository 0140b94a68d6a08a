import { readdirSync } from "node:fs";
import { join } from "node:path";
import { type ArgoVersion, parseK8sYaml, validateManifest } from "@wfc/sdk";
import { isArgoKind } from "@wfc/sdk/validate";
import { describe, expect, it } from "vitest";
import { ROOT, wfc } from "../helpers.js";

// `wfc build --argo-version V` of every vendored example (vendor/argo/examples/*.yaml), of their
// TypeScript reproductions (examples/upstream/*.ts) and of examples/*.ts: what Argo V can express
// builds and passes V's CRD schema strictly (unknown fields rejected); the rest is refused with the
// feature's name and the first version that has it, exactly as listed here. `wfc lint
// --argo-version V` gives the same verdict.

const yamls = readdirSync(join(ROOT, "vendor/argo/examples"))
  .filter((f) => f.endsWith(".yaml"))
  .sort();
const upstream = readdirSync(join(ROOT, "examples/upstream"))
  .filter((f) => f.endsWith(".ts"))
  .sort();
const own = readdirSync(join(ROOT, "examples"))
  .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
  .sort();

const podResources = "pod-level resources (podResources) needs Argo 4.1";
const resourceClaims = "pod resource claims (resourceClaims) needs Argo 4.1";
const executorPlugins = "executor plugins in the workflow (spec.executorPlugins) needs Argo 4.1";
const pluginArtifacts = "plugin artifacts needs Argo 4.0";
const dbMutex = "database mutexes (synchronization mutex database) needs Argo 3.7";

/** Per target: example name -> the refusals of its manifests, in file order. */
const REFUSED: Record<Exclude<ArgoVersion, "4.1">, Record<string, string[]>> = {
  "4.0": {
    "pod-resources": [podResources],
    "pod-resources-template-override": [podResources, podResources],
    "resource-claims": [resourceClaims],
    "workflow-level-executor-plugin": [executorPlugins],
  },
  "3.7": {
    "artifact-passing-explicit-plugin": [pluginArtifacts],
    "pod-resources": [podResources],
    "pod-resources-template-override": [podResources, podResources],
    "resource-claims": [resourceClaims],
    "workflow-level-executor-plugin": [executorPlugins],
  },
  "3.6": {
    "artifact-passing-explicit-plugin": [pluginArtifacts],
    "loops-param-argument": ["template annotations needs Argo 3.7"],
    "pod-resources": [podResources],
    "pod-resources-template-override": [podResources, podResources],
    "resource-claims": [resourceClaims],
    "retry-backoff": ["retry backoff cap (retryStrategy.backoff.cap) needs Argo 3.7"],
    "synchronization-db-mutex-tmpl-level": [dbMutex, dbMutex],
    "synchronization-db-mutex-wf-level": [dbMutex],
    "synchronization-db-tmpl-level": ["database semaphores (synchronization semaphore database) needs Argo 3.7"],
    "workflow-level-executor-plugin": [executorPlugins],
  },
  "3.5": {
    "artifact-passing-explicit-plugin": [pluginArtifacts],
    "cron-when": ["CronWorkflow when needs Argo 3.6"],
    "cron-workflow-multiple-schedules": [
      "several cron schedules (spec.schedules) needs Argo 3.6 to express 2 schedules (Argo 3.5 has one spec.schedule)",
    ],
    "loops-param-argument": ["template annotations needs Argo 3.7"],
    "pod-resources": [podResources],
    "pod-resources-template-override": [podResources, podResources],
    "resource-claims": [resourceClaims, "dynamic resource claims (resources.claims) needs Argo 3.6"],
    "retry-backoff": ["retry backoff cap (retryStrategy.backoff.cap) needs Argo 3.7"],
    "synchronization-db-mutex-tmpl-level": [dbMutex, dbMutex],
    "synchronization-db-mutex-wf-level": [dbMutex],
    "synchronization-db-tmpl-level": ["database semaphores (synchronization semaphore database) needs Argo 3.7"],
    "workflow-level-executor-plugin": [executorPlugins],
  },
};

/** `file:line:col: Kind/name[, template T]: path: <feature> needs Argo X; the target is Argo V [E_ARGO_VERSION]` */
const LINE =
  /^(?:vendor\/argo\/examples|examples\/upstream)\/([^/:]+)\.(?:yaml|ts):\d+:\d+: .+?: spec[^:]*: (.+); the target is Argo (\d\.\d) \[E_ARGO_VERSION\]$/;

function refusals(stderr: string, target: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const line of stderr.split("\n").filter((l) => l.includes("[E_ARGO_VERSION]") && !l.startsWith("error:"))) {
    const m = LINE.exec(line);
    expect(m, line).not.toBeNull();
    expect(m?.[3]).toBe(target);
    (out[m![1]!] ??= []).push(m![2]!);
  }
  return out;
}

describe.each(Object.keys(REFUSED) as Exclude<ArgoVersion, "4.1">[])("--argo-version %s", (v) => {
  const refused = REFUSED[v];
  const name = (f: string) => f.replace(/\.(yaml|ts)$/, "");
  // (built in two runs: a reproduction has the same names as its YAML)
  const expressible = [
    yamls.filter((f) => !(name(f) in refused)).map((f) => `vendor/argo/examples/${f}`),
    [
      ...upstream.filter((f) => !(name(f) in refused)).map((f) => `examples/upstream/${f}`),
      ...own.map((f) => `examples/${f}`),
    ],
  ];

  it.each([0, 1])(
    "builds every example it can express, and each manifest passes its CRD schema strictly (set %i)",
    (set) => {
      const inputs = expressible[set]!;
      const r = wfc(["build", "--argo-version", v, ...inputs]);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      const argo = (text: string) =>
        parseK8sYaml(text, "out.yaml").filter((d) => isArgoKind((d as { kind?: unknown }).kind));
      const docs = argo(r.stdout);
      // the same number of Argo manifests as for 4.1: nothing dropped
      expect(docs.length).toBe(argo(wfc(["build", ...inputs]).stdout).length);
      expect(docs.length).toBeGreaterThan(150);
      const bad = docs.flatMap((d) => validateManifest(d, { argoVersion: v }).map((i) => `${i.path}: ${i.message}`));
      expect(bad).toEqual([]);
    },
  );

  it("refuses the rest, naming the feature and the version that has it (the YAML and its reproduction)", () => {
    for (const dir of ["vendor/argo/examples", "examples/upstream"]) {
      const ext = dir === "examples/upstream" ? "ts" : "yaml";
      const inputs = Object.keys(refused).map((n) => `${dir}/${n}.${ext}`);
      const r = wfc(["build", "--argo-version", v, ...inputs]);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe("");
      expect(refusals(r.stderr, v)).toEqual(refused);
      expect(r.stderr).toMatch(/nothing was written \[E_ARGO_VERSION\]\n$/);
    }
  });

  it("wfc lint --argo-version gives the same verdict on the vendored YAML", () => {
    const r = wfc(["lint", "--argo-version", v, "vendor/argo/examples/"]);
    // documents of other kinds (a ConfigMap, a PVC, a ResourceQuota) are not Argo manifests for lint at any version
    const others =
      /^vendor\/argo\/examples\/(configmaps__simple-parameters-configmap|testvolume|workflow-count-resourcequota)\.yaml:.*\[E_SCHEMA\]$/;
    const lines = r.stderr.split("\n").filter((l) => l.includes("[E_") && !others.test(l) && !l.startsWith("error:"));
    expect(lines.filter((l) => !l.includes("[E_ARGO_VERSION]"))).toEqual([]);
    expect(refusals(lines.join("\n"), v)).toEqual(refused);
  });
});

describe("--argo-version", () => {
  it("rejects a version wfc cannot target (usage error)", () => {
    const r = wfc(["build", "--argo-version", "3.4", "examples/cron.ts"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown Argo version "3.4": wfc targets 3.5, 3.6, 3.7, 4.0, 4.1');
  });

  it("lowers the cron example's schedules to 3.5's schedule", () => {
    const r = wfc(["build", "--argo-version", "v3.5.15", "examples/cron.ts"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("  schedule: '0 2 * * *'\n");
    expect(r.stdout).not.toContain("schedules");
  });
});
