/**
 * Issue 19, hangs: a watch stream that stalls after its headers does not block `submit --watch` (idle
 * timeout, `timeoutSeconds` on the watch, resume, then list again), in both modes; an exec credential plugin
 * that never returns obeys `--request-timeout`. Every run is bounded and its exit code asserted.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ArgoServerDouble, startArgoServerDouble } from "../argo-server-double/server.js";
import { writeKubeconfig } from "../k8s-double/kubeconfig.js";
import {
  clean,
  type FaultServer,
  kubeconfigText,
  kubeconfigYaml,
  script,
  stallingProxy,
  wfcWithin,
} from "./fault-servers.js";
import { type Cluster, dagYaml, file, startCluster } from "./harness.js";

const DEADLINE = 40_000;

let c: Cluster;
let argo: ArgoServerDouble;
let k8sProxy: FaultServer;
let argoProxy: FaultServer;
const isK8sWatch = (url: string): boolean => /[?&]watch=true/.test(url);
const isArgoWatch = (url: string): boolean => url.startsWith("/api/v1/workflow-events/");

/** Whether `proxy` was asked to watch workflow `name` (by its field selector). */
function watchedThrough(proxy: FaultServer, isWatch: (url: string) => boolean, name: string): boolean {
  return proxy.requests.some((q) => {
    if (!isWatch(q.url)) return false;
    const p = new URL(q.url, "http://x").searchParams;
    return (p.get("fieldSelector") ?? p.get("listOptions.fieldSelector")) === `metadata.name=${name}`;
  });
}

beforeAll(async () => {
  // A workflow runs only once its watch reached a proxy: without this, on a loaded machine the controller
  // finished it before wfc had listed it, wfc saw it done and never watched, and there was no stalled
  // watch to survive (the Argo Server case failed 3 runs out of 3 under load).
  c = await startCluster({ controller: { stepMs: 5, startWhenWatched: true } });
  argo = await startArgoServerDouble({ store: c.k8s.store, tokens: { "argo-secret": "alice" } });
  // every watch stalls after its headers (the doubles never see it): only listing again can see the
  // workflow finish
  k8sProxy = await stallingProxy(c.k8s.httpUrl, isK8sWatch);
  argoProxy = await stallingProxy(argo.httpUrl, isArgoWatch);
  c.k8s.controller.isWatched = (_ns, name) =>
    watchedThrough(k8sProxy, isK8sWatch, name) || watchedThrough(argoProxy, isArgoWatch, name);
});
afterAll(async () => {
  await k8sProxy?.close();
  await argoProxy?.close();
  await argo?.close();
  await c?.close();
});

describe("never hang", () => {
  it("submit --watch finishes when the workflow does, though every watch stalls (Kubernetes mode)", async () => {
    const kc = writeKubeconfig([{ name: "p", server: k8sProxy.url, token: "admin-token", namespace: "ci" }]);
    const r = await wfcWithin(
      DEADLINE,
      ["submit", file("wf.yaml", dagYaml({ name: "stalled-k8s" })), "--watch", "--watch-timeout", "1s"],
      { KUBECONFIG: kc },
    );
    expect(r.timedOut).toBe(false);
    expect(r.stdout).toMatch(/✔ stalled-k8s Succeeded\n$/);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /warning: watch of stalled-k8s interrupted \([^)]*the stream sent nothing for 1\.5s\); raise --watch-timeout if the server is only quiet\); reconnecting/,
    );
    const watches = k8sProxy.requests.filter((q) => isK8sWatch(q.url));
    expect(watches.length).toBeGreaterThanOrEqual(2);
    expect(watches.every((q) => q.url.includes("timeoutSeconds=1"))).toBe(true);
    // the second watch resumed from the resourceVersion the first one started at
    const rvs = watches.map((q) => new URL(q.url, "http://x").searchParams.get("resourceVersion"));
    expect(rvs[1]).toBe(rvs[0]);
    expect(clean(r, ["admin-token"])).toEqual([]);
  });

  it("submit --watch finishes when the workflow does, though every watch stalls (Argo Server mode)", async () => {
    const r = await wfcWithin(
      DEADLINE,
      ["submit", file("wf.yaml", dagYaml({ name: "stalled-argo" })), "--watch", "--watch-timeout", "1s"],
      { KUBECONFIG: "/nonexistent", ARGO_SERVER: argoProxy.url, ARGO_TOKEN: "argo-secret", ARGO_NAMESPACE: "argo-ns" },
    );
    expect(r.timedOut).toBe(false);
    expect(r.stdout).toMatch(/✔ stalled-argo Succeeded\n$/);
    expect(r.code).toBe(0);
    const watches = argoProxy.requests.filter((q) => isArgoWatch(q.url));
    expect(watches.length).toBeGreaterThanOrEqual(2);
    expect(watches.every((q) => q.url.includes("listOptions.timeoutSeconds=1"))).toBe(true);
    expect(clean(r, ["argo-secret"])).toEqual([]);
  });

  it("an exec credential plugin that never returns obeys --request-timeout", async () => {
    const plugin = script("stuck-plugin", "echo waiting-for-SSO-STUCKSECRET >&2\nexec sleep 600");
    const kc = kubeconfigText(
      kubeconfigYaml(c.k8s.httpUrl, ["exec:", "  apiVersion: client.authentication.k8s.io/v1", `  command: ${plugin}`]),
    );
    const r = await wfcWithin(DEADLINE, ["list", "--request-timeout", "1s"], { KUBECONFIG: kc });
    expect(r.timedOut).toBe(false);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'error: the credential plugin of user "u" ("stuck-plugin") did not answer within 1s and was stopped; run it yourself to see why, or raise --request-timeout\n',
    );
    expect(clean(r, ["STUCKSECRET"])).toEqual([]);
  });
});
