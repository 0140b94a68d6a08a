// The runnable chain of docs/events.md (examples/events/chain/pipeline.ts): task A publishes a typed
// message, task B is triggered by it. Run through the test harness (runEvents) and through the real
// `wfc run --event`, from the TypeScript module and from its built YAML.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fail, mock, runEvents, send } from "@wfc/runner/testing";
import { parseK8sYaml } from "@wfc/sdk";
import { afterAll, describe, expect, it } from "vitest";
import * as chain from "../../examples/events/chain/pipeline.js";
import { wfc } from "../helpers.js";

const MODULE = "examples/events/chain/pipeline.ts";
const RUNS = mkdtempSync(join(tmpdir(), "wfc-events-"));
afterAll(() => rmSync(RUNS, { recursive: true, force: true }));

// The harness cases users would write are in examples/events/chain/pipeline.test.ts; these add the
// failure, YAML and CLI paths.
describe("the two-task chain, in the harness", () => {
  it("a failed task publishes nothing: the chain stops there", async () => {
    const run = await runEvents(chain, [send(chain.fileUploaded, { path: "a.csv" })], {
      mocks: [mock(chain.ingestFile, () => fail({ exitCode: 3 }))],
    });
    expect(run.triggered.map((t) => [t.trigger, t.phase])).toEqual([["ingest", "Failed"]]);
    expect(run.events).toHaveLength(1);
  });

  it("runs the built YAML the same way (plain manifests)", async () => {
    const built = wfc(["build", MODULE]);
    expect(built.code).toBe(0);
    const manifests = parseK8sYaml(built.stdout, "built.yaml");
    const run = await runEvents(manifests, [{ event: "file-uploaded", payload: { path: "b.csv" } }]);
    expect(run.triggered.map((t) => [t.trigger, t.phase]).sort()).toEqual([
      ["audit", "Succeeded"],
      ["ingest", "Succeeded"],
      ["report", "Succeeded"],
    ]);
  });
});

describe("the two-task chain, with one command", () => {
  it("builds and lints (Argo and Argo Events schemas, unknown fields rejected)", () => {
    const r = wfc(["lint", MODULE]);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(`${MODULE}: ok (8 manifests)\n`);
  });

  it("wfc run --event --payload runs the chain and shows the events and the workflows they triggered", () => {
    const r = wfc([
      "run",
      MODULE,
      "--event",
      "file-uploaded",
      "--payload",
      "examples/events/chain/upload.json",
      "--run-dir",
      RUNS,
    ]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe("event 1 messages/file-uploaded (injected): on-both/upload passed; on-upload/upload passed");
    expect(r.stdout).toMatch(
      /trigger on-upload\/ingest fired \(argoWorkflow submit\): runs workflow ingest- \(path=data\/2026-12-01.csv\)/,
    );
    expect(r.stdout).toMatch(
      /event 2 messages\/file-ingested \(workflow ingest-[a-z0-9]{5} \(node ingest-[a-z0-9]{5}\.publish-file-ingested\)\)/,
    );
    expect(r.stdout).toMatch(/trigger on-ingested\/report fired .*\(path=data\/2026-12-01.csv.parquet rows=19\)/);
    expect(r.stdout).toMatch(/workflow report-[a-z0-9]{5} Succeeded \(trigger on-ingested\/report\)/);
    expect(r.stdout).toContain("2 events, 3 triggers fired, 3 workflows run\n");
  });

  it("wfc run of a module whose Workflow publishes runs it with the sensors listening", () => {
    const r = wfc(["run", "test/events/fixtures/start-chain.ts", "--run-dir", RUNS]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^workflow upload- starts \(the sensors listen\)\nevent 1 messages\/file-uploaded \(workflow upload-[a-z0-9]{5} /,
    );
    expect(r.stdout).toMatch(/trigger on-ingested\/report fired .*\(path=c.csv.parquet rows=5\)/);
    expect(r.stdout).toContain("2 events, 3 triggers fired, 3 workflows run\n");
  });

  it("a rejected upload triggers nothing (exit 0) and says why", () => {
    const r = wfc(["run", MODULE, "--event", "messages/file-uploaded", "--payload", "-", "--run-dir", RUNS], {
      input: '{"path": "notes.txt"}',
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      "event 1 messages/file-uploaded (injected): on-both/upload passed; on-upload/upload rejected\n  trigger on-both/audit waits (has: upload)\n",
    );
    expect(r.stdout).toContain("1 event, 0 triggers fired, 0 workflows run\n");
  });

  it("bad input is a one-line error", () => {
    const unknown = wfc(["run", MODULE, "--event", "file-uploded"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe(
      'error: no event "file-uploded" in the EventSources (known: messages/file-uploaded, messages/file-ingested) [E_EVENT_UNKNOWN]\n',
    );
    const notJson = wfc(["run", MODULE, "--event", "file-uploaded", "--payload", "-"], { input: "{oops" });
    expect(notJson.code).toBe(1);
    expect(notJson.stderr).toMatch(/^error: --payload -: not JSON \(.*\) \[E_RUN_PAYLOAD\]\n$/);
    const noEvent = wfc(["run", MODULE, "--payload", "examples/events/chain/upload.json"]);
    expect(noEvent.code).toBe(1);
    expect(noEvent.stderr).toBe("error: --payload needs --event NAME (the event it is the payload of) [E_USAGE]\n");
  });
});
