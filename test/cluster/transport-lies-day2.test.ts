/**
 * Issue 19, lies, for the day-2 operations (`client.raw()`): the answer to stop, terminate, retry
 * and resubmit is believed only when it has the shape the operation expects, as every other
 * request's is. A server that reads the workflow back correctly but answers the action itself with
 * JSON of the wrong shape, or a proxy's HTML page, makes the command fail with one line naming the
 * URL and what came back, exit 1, never "workflow hello stopped".
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clean, type FaultServer, faultServer, kubeconfigText, kubeconfigYaml, wfcWithin } from "./fault-servers.js";

const DEADLINE = 20_000;
const HTML = `<!DOCTYPE html><html><head><title>Sign in - Example SSO</title></head><body>${"<p>Please sign in</p>".repeat(20)}</body></html>`;

/** A running (Kubernetes mode: stoppable) or failed (retryable) workflow, as a GET answers it. */
function workflow(phase: "Running" | "Failed", kind: boolean): Record<string, unknown> {
  return {
    ...(kind ? { apiVersion: "argoproj.io/v1alpha1", kind: "Workflow" } : {}),
    metadata: { name: "hello", namespace: "ci", resourceVersion: "7", uid: "u-1" },
    spec: { entrypoint: "main", templates: [{ name: "main", container: { image: "alpine" } }] },
    status: {
      phase,
      startedAt: "2026-01-01T00:00:00Z",
      nodes: { hello: { id: "hello", name: "hello", displayName: "hello", type: "Pod", phase, templateName: "main" } },
    },
  };
}

let server: FaultServer;
let answer: "wrong-shape" | "html" = "wrong-shape";
let phase: "Running" | "Failed" = "Running";
beforeAll(async () => {
  server = await faultServer((req, res) => {
    const url = req.url ?? "";
    // reading the workflow back works (Kubernetes API and Argo Server paths); the action does not
    if (req.method === "GET" && /\/workflows\/(ci\/)?hello(\?|$)/.test(url)) {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(JSON.stringify(workflow(phase, url.startsWith("/apis/"))));
    } else if (answer === "html") {
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
      res.end(HTML);
    } else {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ hello: "world", session: "expired" }));
    }
  });
});
afterAll(() => server.close());

const MODES = {
  Kubernetes: () => ({
    args: [] as string[],
    env: { KUBECONFIG: kubeconfigText(kubeconfigYaml(server.url, ["token: DAY2SECRET"])) },
  }),
  "Argo Server": () => ({
    args: ["--argo-server", server.url, "-n", "ci"],
    env: { KUBECONFIG: "/nonexistent", ARGO_TOKEN: "DAY2SECRET" },
  }),
};

function expectUnexpected(r: Awaited<ReturnType<typeof wfcWithin>>, doing: string, got: RegExp): void {
  expect(r.timedOut).toBe(false);
  expect(r.stdout).toBe("");
  expect(r.stderr).toMatch(
    new RegExp(
      `^error: ${doing} Workflow "hello" in namespace "ci": unexpected answer from http://127\\.0\\.0\\.1:\\d+/[^\\s]*: expected [^\\n]+\\n$`,
    ),
  );
  expect(r.stderr).toMatch(got);
  expect(r.code).toBe(1);
  expect(clean(r, ["DAY2SECRET"])).toEqual([]);
}

describe("day-2 operations never believe an answer of the wrong shape", () => {
  for (const mode of ["Kubernetes", "Argo Server"] as const) {
    it(`stop and terminate (${mode} mode): JSON that is not the workflow is an error, not "stopped"`, async () => {
      answer = "wrong-shape";
      phase = "Running";
      const m = MODES[mode]();
      const notWorkflow =
        /expected a Workflow as JSON, got an object without (kind|metadata\.name): 200, application\/json, \d+ bytes: "\{\\"hello\\":\\"world\\"/;
      expectUnexpected(await wfcWithin(DEADLINE, ["stop", "hello", ...m.args], m.env), "stopping", notWorkflow);
      expectUnexpected(await wfcWithin(DEADLINE, ["terminate", "hello", ...m.args], m.env), "terminating", notWorkflow);
    });

    it(`stop (${mode} mode): a proxy's 200 HTML page is an error naming it`, async () => {
      answer = "html";
      phase = "Running";
      const m = MODES[mode]();
      expectUnexpected(
        await wfcWithin(DEADLINE, ["stop", "hello", ...m.args], m.env),
        "stopping",
        /got 200, text\/html, \d+ bytes: "<!DOCTYPE html>.*; a proxy or login page answered/,
      );
    });
  }

  it("retry and resubmit (Argo Server mode): the action's answer must be a workflow", async () => {
    answer = "wrong-shape";
    phase = "Failed";
    const m = MODES["Argo Server"]();
    const notWorkflow = /expected a Workflow as JSON, got an object without metadata\.name/;
    expectUnexpected(await wfcWithin(DEADLINE, ["retry", "hello", ...m.args], m.env), "retrying", notWorkflow);
    expectUnexpected(await wfcWithin(DEADLINE, ["resubmit", "hello", ...m.args], m.env), "resubmitting", notWorkflow);
  });
});
