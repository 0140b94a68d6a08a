/**
 * Issue 19, lies: a 2xx answer is believed only when it has the shape the request expects. An SSO
 * proxy's 200 HTML page, a 200 with JSON of the wrong shape and a malformed list make `submit`, `get` and
 * `list` fail with one line naming the URL (without credentials) and what came back, exit 1 — never
 * "created" with an empty name, an empty object or "No workflows found" — in both modes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clean, type FaultServer, faultServer, kubeconfigText, kubeconfigYaml, wfcWithin } from "./fault-servers.js";
import { dagYaml, file } from "./harness.js";

const DEADLINE = 20_000;
const HTML = `<!DOCTYPE html><html><head><title>Sign in - Example SSO</title></head><body>${"<p>Please sign in</p>".repeat(50)}</body></html>`;

type Answer = "html" | "wrong-shape" | "bad-list";

let server: FaultServer;
let answer: Answer = "html";
beforeAll(async () => {
  server = await faultServer((req, res) => {
    const collection =
      req.method === "GET" &&
      /\/workflows(\/[a-z-]+)?(\?|$)/.test(req.url ?? "") &&
      !/\/workflows\/[a-z-]+\/[a-z0-9-]+/.test(req.url ?? "");
    if (answer === "html") {
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
      res.end(HTML);
    } else if (answer === "wrong-shape" || !collection) {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ hello: "world", session: "expired" }));
    } else {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(
        JSON.stringify({
          kind: "WorkflowList",
          metadata: { resourceVersion: "1" },
          items: { first: { metadata: {} } },
        }),
      );
    }
  });
});
afterAll(() => server.close());

function modes(): { name: string; args: string[]; env: Record<string, string> }[] {
  const kc = kubeconfigText(kubeconfigYaml(server.url, ["token: LIESECRET"]));
  return [
    { name: "Kubernetes", args: [], env: { KUBECONFIG: kc } },
    {
      name: "Argo Server",
      args: ["--argo-server", server.url.replace("http://", "http://user:LIESECRET@")],
      env: { KUBECONFIG: "/nonexistent", ARGO_TOKEN: "LIESECRET" },
    },
  ];
}

function expectUnexpected(r: Awaited<ReturnType<typeof wfcWithin>>, got: RegExp): void {
  expect(r.timedOut).toBe(false);
  expect(r.code).toBe(1);
  expect(r.stdout).toBe("");
  expect(r.stderr).toMatch(
    /^error: [^\n]+: unexpected answer from http:\/\/(<redacted>@)?127\.0\.0\.1:\d+\/[^\s]*: expected [^\n]+\n$/,
  );
  expect(r.stderr).toMatch(got);
  expect(r.stderr).not.toMatch(/created|No workflows found/);
  expect(clean(r, ["LIESECRET"])).toEqual([]);
}

describe("never lie about what the server answered", () => {
  for (const mode of ["Kubernetes", "Argo Server"]) {
    it(`a 200 HTML login page (${mode} mode): submit, get and list fail naming the content type and first bytes`, async () => {
      answer = "html";
      const m = modes().find((x) => x.name === mode)!;
      const html =
        /got 200, text\/html, \d+ bytes: "<!DOCTYPE html><html><head><title>Sign in - Example SSO<\/title>.*" \(and \d+ more bytes\); a proxy or login page answered/;
      expectUnexpected(await wfcWithin(DEADLINE, ["submit", file("wf.yaml", dagYaml()), ...m.args], m.env), html);
      expectUnexpected(await wfcWithin(DEADLINE, ["get", "hello", ...m.args], m.env), html);
      expectUnexpected(await wfcWithin(DEADLINE, ["list", ...m.args], m.env), html);
    });

    it(`a 200 with JSON of the wrong shape (${mode} mode) is not a workflow, nor a list`, async () => {
      answer = "wrong-shape";
      const m = modes().find((x) => x.name === mode)!;
      const r1 = await wfcWithin(DEADLINE, ["submit", file("wf.yaml", dagYaml()), ...m.args], m.env);
      expectUnexpected(
        r1,
        /expected a Workflow as JSON, got an object without (kind|metadata\.name): 200, application\/json/,
      );
      const r2 = await wfcWithin(DEADLINE, ["get", "hello", ...m.args], m.env);
      expectUnexpected(r2, /expected a Workflow as JSON, got an object without (kind|metadata\.name)/);
      const r3 = await wfcWithin(DEADLINE, ["list", ...m.args], m.env);
      expectUnexpected(
        r3,
        /expected a Workflow list as JSON, got an object that is not a list: 200, application\/json, \d+ bytes: "\{\\"hello\\":\\"world\\"/,
      );
    });
  }

  it("a malformed list (items not an array) is an error, not a crash or an empty list", async () => {
    answer = "bad-list";
    const m = modes().find((x) => x.name === "Kubernetes")!;
    const r = await wfcWithin(DEADLINE, ["list", ...m.args], m.env);
    expectUnexpected(r, /expected a Workflow list as JSON, got a list whose items are not an array/);
  });
});
