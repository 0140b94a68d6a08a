import { describe, expect, it } from "vitest";
import { lineServerPerTest } from "../../../../test/k8s-double/line-server.js";
import { ClusterError } from "../errors.js";
import type { KubeObject } from "../types.js";
import { consumeWatch, type WatchMessage } from "./watch-stream.js";

const ctx = { action: 'watching Workflow "w" in namespace "ci"', server: "http://test", credentials: 'context "t"' };
const signal = new AbortController().signal;
const serve = lineServerPerTest();

const line = (type: string, object: object) => `${JSON.stringify({ type, object })}\n`;

describe("consumeWatch", () => {
  it("reports object changes and bookmarks in order, skipping unknown event types", async () => {
    const server = await serve((_req, res) =>
      res.end(
        line("ADDED", { metadata: { name: "w", resourceVersion: "1" } }) +
          line("BOOKMARK", { metadata: { resourceVersion: "7" } }) +
          line("SOMETHING", { metadata: { name: "w" } }) +
          line("MODIFIED", { metadata: { name: "w", resourceVersion: "8" } }) +
          line("DELETED", { metadata: { name: "w", resourceVersion: "9" } }),
      ),
    );
    const seen: WatchMessage<KubeObject>[] = [];
    await consumeWatch({ baseUrl: server.url }, "/w?watch=true", { ctx, signal }, (e) => seen.push(e));
    expect(
      seen.map((e) =>
        e.type === "BOOKMARK" ? `BOOKMARK ${e.resourceVersion}` : `${e.type} ${e.object.metadata?.resourceVersion}`,
      ),
    ).toEqual(["ADDED 1", "BOOKMARK 7", "MODIFIED 8", "DELETED 9"]);
  });

  it("turns an in-stream ERROR 410 into Gone, after the events before it", async () => {
    const server = await serve((_req, res) =>
      res.end(
        line("ADDED", { metadata: { name: "w" } }) +
          line("ERROR", { kind: "Status", code: 410, reason: "Expired", message: "too old resource version" }),
      ),
    );
    const seen: string[] = [];
    const err = await consumeWatch({ baseUrl: server.url }, "/w?watch=true", { ctx, signal }, (e) =>
      seen.push(e.type),
    ).catch((e: unknown) => e);
    expect(seen).toEqual(["ADDED"]);
    expect(err).toBeInstanceOf(ClusterError);
    expect((err as ClusterError).code).toBe("Gone");
  });
});
