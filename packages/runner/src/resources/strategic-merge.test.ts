import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type PatchTypes, StrategicMergeUnsupported, strategicMerge, strategicMergeTyped } from "./strategic-merge.js";

interface Case {
  description: string;
  suite: string;
  original?: unknown;
  twoWay?: unknown;
  modified?: unknown;
  twoWayResult?: unknown;
  current?: unknown;
  threeWay?: unknown;
  result?: unknown;
  expectedError?: string;
}

// apimachinery's test struct (patch_test.go MergeItem, RetainKeysMergeItem) as struct tags
const mergeItem: PatchTypes = {
  MergeItem: {
    mergingList: ["MergeItem", "merge", "name"],
    nonMergingList: ["MergeItem", "", ""],
    mergingIntList: ["", "merge", ""],
    mergeItemPtr: ["MergeItem", "merge", "name"],
    replacingItem: ["", "replace", ""],
    retainKeysMap: ["RetainKeysMergeItem", "retainKeys", ""],
    retainKeysMergingList: ["MergeItem", "merge,retainKeys", "name"],
  },
  RetainKeysMergeItem: {
    mergingIntList: ["", "merge", ""],
    mergingList: ["MergeItem", "merge", "name"],
    nonMergingList: ["MergeItem", "", ""],
  },
};

const { cases } = JSON.parse(readFileSync(join(import.meta.dirname, "testdata/strategicpatch-cases.json"), "utf8")) as {
  cases: Case[];
};

const apply = (o: unknown, p: unknown) => strategicMergeTyped(o ?? {}, p ?? {}, "MergeItem", mergeItem);

describe("strategic merge patch: apimachinery's own test cases (patch_test.go, v0.35.4)", () => {
  const twoWay = cases.filter((c) => c.twoWay !== undefined || c.expectedError !== undefined);
  it.each(twoWay.map((c) => [`${c.suite}: ${c.description}`, c] as const))("%s (two-way patch)", (_, c) => {
    if (c.expectedError) {
      expect(() => apply(c.original, c.twoWay)).toThrow(c.expectedError);
      return;
    }
    // exact, list order included (the Go tests sort merged lists by name first; this does not)
    expect(apply(c.original, c.twoWay)).toEqual(c.twoWayResult ?? c.modified ?? {});
  });
  const threeWay = cases.filter((c) => c.threeWay !== undefined);
  it.each(threeWay.map((c) => [`${c.suite}: ${c.description}`, c] as const))("%s (three-way patch)", (_, c) => {
    expect(apply(c.current, c.threeWay)).toEqual(c.result ?? {});
  });
});

const pod = () => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name: "p", labels: { a: "1" }, finalizers: ["x", "y"] },
  spec: {
    containers: [
      {
        name: "main",
        image: "busybox",
        env: [
          { name: "A", value: "1" },
          { name: "B", value: "2" },
        ],
        ports: [{ containerPort: 80, name: "http" }],
      },
      { name: "sidecar", image: "nginx" },
    ],
    volumes: [{ name: "data", emptyDir: {} }],
  },
});

describe("strategic merge patch of built-in kinds (k8s.io/api v0.35.4 struct tags)", () => {
  it("containers merge by name, env by name, ports by containerPort; other lists are replaced", () => {
    const out = strategicMerge(pod(), {
      spec: {
        containers: [
          {
            name: "main",
            image: "busybox:1.37",
            env: [
              { name: "B", value: "3" },
              { name: "C", value: "4" },
            ],
            ports: [{ containerPort: 80, protocol: "TCP" }],
            args: ["a"],
          },
        ],
      },
    }) as ReturnType<typeof pod>;
    expect(out.spec.containers).toEqual([
      {
        name: "main",
        image: "busybox:1.37",
        // patch items first in the patch's order, the others where the live list had them
        env: [
          { name: "A", value: "1" },
          { name: "B", value: "3" },
          { name: "C", value: "4" },
        ],
        ports: [{ containerPort: 80, name: "http", protocol: "TCP" }],
        args: ["a"],
      },
      { name: "sidecar", image: "nginx" },
    ]);
  });

  it("directives: $patch delete / replace in a list, $retainKeys, $deleteFromPrimitiveList, finalizers as a set", () => {
    const del = strategicMerge(pod(), { spec: { containers: [{ name: "sidecar", $patch: "delete" }] } }) as ReturnType<
      typeof pod
    >;
    expect(del.spec.containers.map((c) => c.name)).toEqual(["main"]);
    const rep = strategicMerge(pod(), {
      spec: { containers: [{ name: "only", image: "alpine" }, { $patch: "replace" }] },
    }) as ReturnType<typeof pod>;
    expect(rep.spec.containers).toEqual([{ name: "only", image: "alpine" }]);
    // volumes are merge,retainKeys: kubectl apply sends $retainKeys to switch a volume's source
    const vol = strategicMerge(pod(), {
      spec: { volumes: [{ name: "data", $retainKeys: ["name", "hostPath"], hostPath: { path: "/d" } }] },
    }) as { spec: { volumes: unknown[] } };
    expect(vol.spec.volumes).toEqual([{ name: "data", hostPath: { path: "/d" } }]);
    const fin = strategicMerge(pod(), {
      metadata: { finalizers: ["z", "x"], "$deleteFromPrimitiveList/finalizers": ["y"] },
    }) as ReturnType<typeof pod>;
    expect(fin.metadata.finalizers).toEqual(["z", "x"]);
    const whole = strategicMerge(pod(), { metadata: { labels: { $patch: "replace", b: "2" } } }) as ReturnType<
      typeof pod
    >;
    expect(whole.metadata.labels).toEqual({ b: "2" });
  });

  it("nested kinds: a Deployment's pod template, a Service's ports by port, a Job's containers", () => {
    const dep = {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "d" },
      spec: { template: { spec: { containers: [{ name: "a", image: "x" }] } } },
    };
    expect(
      strategicMerge(dep, { spec: { template: { spec: { containers: [{ name: "b", image: "y" }] } } } }),
      // a new item the live list does not know comes first (mergeSortedSlice), as on a cluster
    ).toMatchObject({ spec: { template: { spec: { containers: [{ name: "b" }, { name: "a" }] } } } });
    const svc = {
      apiVersion: "v1",
      kind: "Service",
      metadata: { name: "s" },
      spec: { ports: [{ port: 80, targetPort: 8080 }], selector: { app: "a" } },
    };
    expect(strategicMerge(svc, { spec: { ports: [{ port: 443 }] } })).toMatchObject({
      spec: { ports: [{ port: 443 }, { port: 80, targetPort: 8080 }] },
    });
    const job = {
      apiVersion: "batch/v1",
      kind: "Job",
      metadata: { name: "j" },
      spec: { template: { spec: { containers: [{ name: "a", args: ["1"] }] } } },
    };
    expect(strategicMerge(job, { spec: { template: { spec: { containers: [{ name: "a", args: ["2"] }] } } } })).toEqual(
      {
        ...job,
        spec: { template: { spec: { containers: [{ name: "a", args: ["2"] }] } } },
      },
    );
  });

  it("errors as the API server gives them: a missing merge key; a custom resource (415)", () => {
    expect(() => strategicMerge(pod(), { spec: { containers: [{ image: "x" }] } })).toThrow(
      "Error from server (BadRequest): map: map[image:x] does not contain declared merge key: name",
    );
    expect(() =>
      strategicMerge({ apiVersion: "argoproj.io/v1alpha1", kind: "Workflow", metadata: { name: "w" } }, { spec: {} }),
    ).toThrow(StrategicMergeUnsupported);
    expect(() =>
      strategicMerge({ apiVersion: "argoproj.io/v1alpha1", kind: "Workflow", metadata: { name: "w" } }, { spec: {} }),
    ).toThrow(
      "Error from server (UnsupportedMediaType): the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml",
    );
  });
});
