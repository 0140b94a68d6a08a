import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Cluster, file, startCluster, wfc } from "./harness.js";

// An integer past 2^53 (valid in Argo: int64) is read from YAML as a BigInt and must reach the
// server with every digit, as kubectl sends it (JSON.stringify would throw on a BigInt; a Number
// would round it to ...992).
let c: Cluster;
beforeAll(async () => {
  c = await startCluster();
});
afterAll(() => c.close());

const YAML = `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: { name: big-int }
spec:
  entrypoint: main
  activeDeadlineSeconds: 9007199254740993
  templates:
    - name: main
      container: { image: alpine, command: [echo, hi] }
`;

describe("integers past 2^53 reach the cluster exactly", () => {
  it("submit sends 9007199254740993 in the request body", async () => {
    const r = await wfc(["submit", file("big.yaml", YAML)], c.env);
    expect(r.stderr).not.toMatch(/BigInt|at .*\.js:\d+/);
    expect(r.code).toBe(0);
    const post = c.k8s.requests.find((q) => q.method === "POST" && q.path.endsWith("/workflows"));
    expect(post?.text).toContain('"activeDeadlineSeconds":9007199254740993');
  });
});
