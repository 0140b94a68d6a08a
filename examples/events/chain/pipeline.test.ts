// The chain, tested without a cluster or Argo Events: send a message, see which workflows it
// triggered, with which parameters, and what they did. Node scripts run in-process; time is virtual.
import { runEvents, send } from "@wfc/runner/testing";
import { describe, expect, it } from "vitest";
import * as chain from "./pipeline.js";

describe("file pipeline", () => {
  it("an upload runs ingest, whose message runs report (and audit, which waits for both)", async () => {
    const run = await runEvents(chain, [send(chain.fileUploaded, { path: "data/a.csv" })]);
    expect(run.events.map((e) => [e.ref, e.origin])).toEqual([
      ["messages/file-uploaded", "injected"],
      ["messages/file-ingested", "workflow ingest-1 (node ingest-1.publish-file-ingested)"],
    ]);
    // the message ingest published: the typed payload, built from the task's outputs
    expect(run.events[1]?.data).toEqual({
      header: { "Content-Type": ["application/json"] },
      body: { path: "data/a.csv.parquet", rows: 10 },
    });
    expect(run.triggered.map((t) => [t.sensor, t.trigger, t.phase]).sort()).toEqual([
      ["on-both", "audit", "Succeeded"],
      ["on-ingested", "report", "Succeeded"],
      ["on-upload", "ingest", "Succeeded"],
    ]);
    expect(run.triggeredBy("on-upload")[0]?.arguments).toEqual({ path: "data/a.csv" });
    const report = run.triggeredBy("report")[0];
    expect(report?.arguments).toEqual({ path: "data/a.csv.parquet", rows: "10" });
    expect(report?.run?.node(chain.reportOn).result).toBe("data/a.csv.parquet: 10 rows");
  });

  it("the filter rejects a file that is not CSV: no workflow is triggered", async () => {
    const run = await runEvents(chain, [send(chain.fileUploaded, { path: "notes.txt" })]);
    expect(run.triggered).toEqual([]);
    expect(run.events[0]?.dependencies.map((d) => [d.sensor, d.passed])).toEqual([
      ["on-upload", false],
      ["on-both", true],
    ]);
    // audit keeps the upload, waiting for an ingested message
    expect(run.events[0]?.dependencies[1]?.waiting).toEqual({ audit: ["upload"] });
  });

  it("audit's condition needs both messages", async () => {
    const ingestedOnly = await runEvents(chain, [send(chain.fileIngested, { path: "y.parquet", rows: 4 })]);
    expect(ingestedOnly.triggered.map((t) => t.trigger)).toEqual(["report"]);
    const both = await runEvents(chain, [
      send(chain.fileUploaded, { path: "x.txt" }),
      send(chain.fileIngested, { path: "y.parquet", rows: 4 }),
    ]);
    const audit = both.triggeredBy("audit")[0];
    expect(audit?.arguments).toEqual({ uploaded: "x.txt", ingested: "y.parquet" });
    expect(audit?.run?.node(chain.auditPair).result).toBe("x.txt -> y.parquet");
  });
});
