// A user's tests of the ETL pipeline in ./etl.ts, laid out as in a pipeline repository: the
// pipeline module, and its test beside it. Run with `npx vitest run examples/etl.test.ts`.
// Nothing here needs a container or a cluster: extract/transform/load are mocked (they are
// container templates), and the run goes through the local runner's scheduler (Argo's semantics)
// on a virtual clock.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fail, mock, runWorkflow, synth } from "@wfc/runner/testing";
import { describe, expect, it } from "vitest";
import etl, { extract, load, transform } from "./etl.js";

describe("etl", () => {
  it("runs one transform per partition, and load after all of them", async () => {
    const run = await runWorkflow(etl, {
      parameters: { date: "2026-03-01" },
      mocks: [
        // The mock gets extract's typed inputs and returns its typed outputs (partitions: string[]).
        mock(extract, ({ date }) => ({
          partitions: ["eu", "us", "apac"],
          raw: { "eu.csv": `${date},1\n${date},2\n`, "us.csv": `${date},3\n`, "apac.csv": "" },
        })),
        // transform reads the artifact extract wrote, staged for it by the runner.
        mock(transform, async ({ partition, raw }) => {
          const csv = await readFile(join(raw.hostPath!, `${partition}.csv`), "utf8");
          return { rows: csv.split("\n").filter(Boolean).length };
        }),
        mock(load, {}),
      ],
    });

    expect(run.phase).toBe("Succeeded");
    const transforms = run.nodesOf(transform);
    expect(transforms.map((t) => t.displayName)).toEqual(["transform(0:eu)", "transform(1:us)", "transform(2:apac)"]);
    const rows: number = transforms[0]!.outputs.rows; // typed from transform's declaration
    expect(transforms.map((t) => t.outputs.rows)).toEqual([2, 1, 0]);
    expect(rows).toBe(2);

    const loaded = run.node(load);
    for (const t of transforms) expect(t.seq.end).toBeLessThan(loaded.seq.start);
    expect(loaded.status.inputs?.parameters).toMatchObject([
      { name: "date", value: "2026-03-01" },
      { name: "table", value: "events" }, // its declared default
    ]);
    expect(run.nodes.map((n) => n.displayName)).toEqual([
      "etl-test",
      "extract",
      "transform(0:eu)",
      "transform(1:us)",
      "transform(2:apac)",
      "load",
    ]);
  });

  it("retries a transform that fails once (retryStrategy limit 3, OnFailure)", async () => {
    const run = await runWorkflow(etl, {
      mocks: [
        mock(extract, { partitions: ["a", "b"] }),
        mock(transform, ({ partition }, { retry }) =>
          partition === "b" && retry === 0 ? fail({ exitCode: 137, message: "OOMKilled" }) : { rows: 1 },
        ),
        mock(load, {}),
      ],
    });
    expect(run.phase).toBe("Succeeded");
    expect(run.nodesOf(transform).map((t) => [t.displayName, t.attempts])).toEqual([
      ["transform(0:a)", 1],
      ["transform(1:b)", 2],
    ]);
  });

  it("does not load when a partition keeps failing", async () => {
    const run = await runWorkflow(etl, {
      mocks: [
        mock(extract, { partitions: ["a", "b"] }),
        mock({ task: "transform" }, fail("bad partition")),
        mock(load, {}),
      ],
    });
    expect(run.phase).toBe("Failed");
    // limit 3: four attempts each, then Argo's message on the retry node
    expect(run.nodesOf(transform).map((t) => [t.phase, t.attempts, t.message])).toEqual([
      ["Failed", 4, "No more retries left"],
      ["Failed", 4, "No more retries left"],
    ]);
    // each attempt's own message is in the Workflow's status.nodes (run.nodes lists task-level nodes)
    expect(Object.values(run.workflow.status!.nodes!).filter((n) => n.message === "bad partition")).toHaveLength(8);
    expect(run.node(load).phase).toBe("Omitted");
    expect(run.skipped.map((n) => n.displayName)).toEqual(["load"]);
  });

  it("compiles to the manifest in the snapshot", () => {
    expect(synth(etl)).toMatchSnapshot();
  });
});
