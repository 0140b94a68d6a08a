/**
 * `wfc version` in Kubernetes mode: the Argo version is the workflow-controller Deployment's image tag
 * when the user may read it (the client's namespace, then `argo`); otherwise it says to use --argo-server.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Cluster, startCluster, wfc } from "./harness.js";

let c: Cluster;
beforeAll(async () => {
  c = await startCluster({
    forbid: [
      { user: "viewer", verbs: ["create", "delete", "update", "patch"] },
      { user: "viewer", resources: ["deployments"], namespaces: ["argo"] },
    ],
  });
});
afterAll(() => c.close());

const deployment = (ns: string, image: string) =>
  c.k8s.store.create("deployments", ns, {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "workflow-controller" },
    spec: {
      template: {
        spec: {
          containers: [
            { name: "sidecar", image: "busybox:1.36" },
            { name: "workflow-controller", image },
          ],
        },
      },
    },
  });

describe("wfc version through the Kubernetes API", { timeout: 60_000 }, () => {
  it("without a readable controller Deployment it says to use --argo-server", async () => {
    const v = await wfc(["version"], c.env);
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/\nkubernetes: v1\.32\.0\nargo: not found through the Kubernetes API \(.*--argo-server/);
  });

  it("reads the controller's image tag in argo, and says where it came from; forbidden is unknown", async () => {
    deployment("argo", "quay.io/argoproj/workflow-controller:v4.1.2@sha256:0123abcd");
    const v = await wfc(["version"], c.env);
    expect(v.stderr).toBe("");
    expect(v.stdout).toMatch(
      /\nserver: https:\/\/127\.0\.0\.1:\d+ \(Kubernetes API\)\nargo: v4\.1\.2 \(image of Deployment argo\/workflow-controller\)\nkubernetes: v1\.32\.0\n$/,
    );
    const paths = c.k8s.requests.filter((r) => r.path.includes("/deployments/")).map((r) => r.path);
    expect(paths.slice(-2)).toEqual([
      "/apis/apps/v1/namespaces/ci/deployments/workflow-controller",
      "/apis/apps/v1/namespaces/argo/deployments/workflow-controller",
    ]);
    const viewer = await wfc(["version", "--context", "viewer"], c.env);
    expect(viewer.code).toBe(0);
    expect(viewer.stdout).toMatch(/\nargo: not found through the Kubernetes API/);
  });

  it("a namespace install (controller beside the workflows) wins over argo", async () => {
    deployment("ci", "registry.local:5000/argoproj/workflow-controller:v4.0.7");
    const v = await wfc(["version"], c.env);
    expect(v.stdout).toMatch(/\nargo: v4\.0\.7 \(image of Deployment ci\/workflow-controller\)\n/);
  });
});
