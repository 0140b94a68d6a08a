import { describe, expect, it } from "vitest";
import { lineServerPerTest } from "../../../../test/k8s-double/line-server.js";
import type { ClusterError } from "../errors.js";
import { consumeWorkflowEvents } from "./watch-stream.js";

const ctx = {
  action: 'watching Workflow "w" in namespace "ci"',
  server: "http://test",
  credentials: "the Argo Server token",
};
const signal = new AbortController().signal;
const serve = lineServerPerTest();

const result = (type: string, rv: string) =>
  `${JSON.stringify({ result: { type, object: { metadata: { name: "w", resourceVersion: rv } } } })}\n`;

describe("consumeWorkflowEvents", () => {
  it("reports the workflow events of `result` messages", async () => {
    const server = await serve((_req, res) =>
      res.end(`${result("ADDED", "1")}${JSON.stringify({ result: {} })}\n${result("MODIFIED", "2")}`),
    );
    const seen: string[] = [];
    await consumeWorkflowEvents({ baseUrl: server.url }, "/api/v1/workflow-events/ci", { ctx, signal }, (e) =>
      seen.push(`${e.type} ${e.object.metadata.resourceVersion}`),
    );
    expect(seen).toEqual(["ADDED 1", "MODIFIED 2"]);
  });

  it("an `error` message about an expired resourceVersion is Gone; others carry their http_code", async () => {
    const server = await serve((req, res) =>
      res.end(
        req.url?.includes("old")
          ? `${JSON.stringify({ error: { code: 10, message: "too old resource version: 1 (5)" } })}\n`
          : `${JSON.stringify({ error: { code: 7, message: "forbidden", http_code: 403 } })}\n`,
      ),
    );
    const gone = await consumeWorkflowEvents({ baseUrl: server.url }, "/old", { ctx, signal }, () => {}).catch(
      (e: unknown) => e,
    );
    expect((gone as ClusterError).code).toBe("Gone");
    const denied = await consumeWorkflowEvents({ baseUrl: server.url }, "/other", { ctx, signal }, () => {}).catch(
      (e: unknown) => e,
    );
    expect((denied as ClusterError).code).toBe("Forbidden");
  });
});
