/**
 * Issue 19, slow paths: nothing in the transport grows with the number of objects beyond reading them
 * once. `list` of 2005 workflows is one request and prints all 2005; `submit` is one request however many
 * workflows exist; a watch event of several megabytes arriving in small chunks is read whole. (Speed
 * itself is measured by `npm run bench -- --only cluster`, not asserted here.)
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FaultServer, faultServer, kubeconfigText, kubeconfigYaml, wfcWithin } from "./fault-servers.js";
import { dagYaml, file } from "./harness.js";

const DEADLINE = 60_000;
const N = 2005;

function workflow(
  i: number,
  extra: Record<string, unknown> = {},
): { metadata: { name: string } & Record<string, unknown> } & Record<string, unknown> {
  return {
    apiVersion: "argoproj.io/v1alpha1",
    kind: "Workflow",
    metadata: {
      name: `wf-${String(i).padStart(5, "0")}`,
      namespace: "ci",
      resourceVersion: String(i + 1),
      creationTimestamp: "2026-12-01T10:00:00Z",
    },
    spec: { entrypoint: "main", templates: [{ name: "main", container: { image: "alpine", command: ["true"] } }] },
    status: {
      phase: "Succeeded",
      startedAt: "2026-12-01T10:00:00Z",
      finishedAt: "2026-12-01T10:00:05Z",
      progress: "1/1",
    },
    ...extra,
  };
}

let server: FaultServer;
beforeAll(async () => {
  const items = Array.from({ length: N }, (_, i) => workflow(i));
  const k8sList = JSON.stringify({
    kind: "WorkflowList",
    apiVersion: "argoproj.io/v1alpha1",
    metadata: { resourceVersion: "9999" },
    items,
  });
  const argoList = JSON.stringify({ metadata: { resourceVersion: "9999" }, items });
  // a workflow whose watch event is about 4 MB, sent in 16 KB chunks
  const big = workflow(N, {
    spec: {
      entrypoint: "main",
      templates: [{ name: "main", script: { image: "alpine", source: "x".repeat(4 << 20) } }],
    },
  });
  server = await faultServer((req, res) => {
    const url = req.url ?? "";
    if (req.method === "POST") {
      res.writeHead(201, { "Content-Type": "application/json" });
      res.end(JSON.stringify(workflow(0, { metadata: { name: "hello-abcde", namespace: "ci" } })));
    } else if (url.includes("watch=true")) {
      res.writeHead(200, { "Content-Type": "application/json" });
      const line = Buffer.from(`${JSON.stringify({ type: "MODIFIED", object: big })}\n`);
      let at = 0;
      const next = (): void => {
        if (at >= line.length) return void res.end();
        res.write(line.subarray(at, at + 16_384), next);
        at += 16_384;
      };
      next();
    } else if (url.includes("/pods")) {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ kind: "PodList", apiVersion: "v1", metadata: {}, items: [] }));
    } else if (url.endsWith(`/workflows/${big.metadata.name}`)) {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(JSON.stringify(big));
    } else if (url.includes("fieldSelector=metadata.name")) {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(
        JSON.stringify({
          kind: "WorkflowList",
          metadata: { resourceVersion: "1" },
          items: [workflow(N, { status: { phase: "Running" } })],
        }),
      );
    } else {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(url.startsWith("/api/v1/workflows") ? argoList : k8sList);
    }
  });
});
afterAll(() => server?.close());

describe("nothing grows with the number of objects", () => {
  it(`list of ${N} workflows is one request and prints every one (Kubernetes and Argo Server modes)`, async () => {
    const kc = kubeconfigText(kubeconfigYaml(server.url));
    for (const [args, env] of [
      [[], { KUBECONFIG: kc }],
      [["--argo-server", server.url], { KUBECONFIG: "/nonexistent" }],
    ] as const) {
      const before = server.requests.length;
      const r = await wfcWithin(DEADLINE, ["list", "-o", "name", ...args], env);
      expect([r.timedOut, r.code, r.stderr]).toEqual([false, 0, ""]);
      const lines = r.stdout.trim().split("\n");
      expect(lines).toHaveLength(N);
      expect(lines[0]).toBe("workflow.argoproj.io/wf-00000");
      expect(lines[N - 1]).toBe(`workflow.argoproj.io/wf-${String(N - 1).padStart(5, "0")}`);
      expect(server.requests.length - before).toBe(1);
      const table = await wfcWithin(DEADLINE, ["list", ...args], env);
      expect(table.stdout.trim().split("\n")).toHaveLength(N + 1);
    }
  });

  it("submit is one request however many workflows exist", async () => {
    const kc = kubeconfigText(kubeconfigYaml(server.url));
    const before = server.requests.length;
    const r = await wfcWithin(DEADLINE, ["submit", file("wf.yaml", dagYaml())], { KUBECONFIG: kc });
    expect([r.timedOut, r.code, r.stdout]).toEqual([false, 0, "workflow.argoproj.io/hello-abcde created\n"]);
    expect(server.requests.slice(before).map((q) => q.method)).toEqual(["POST"]);
  });

  it("a 4 MB watch event arriving in 16 KB chunks is read whole", async () => {
    const kc = kubeconfigText(kubeconfigYaml(server.url));
    const name = `wf-${String(N).padStart(5, "0")}`;
    const before = server.requests.length;
    // logs -f watches the workflow until it completes: the list says Running, the one watch event Succeeded
    const r = await wfcWithin(DEADLINE, ["logs", name, "-f"], { KUBECONFIG: kc });
    expect([r.timedOut, r.stderr]).toEqual([false, `wfc: workflow ${name} has no pods (phase Succeeded)\n`]);
    expect(server.requests.slice(before).filter((q) => q.url.includes("watch=true"))).toHaveLength(1);
  });
});
