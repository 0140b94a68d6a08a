import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseK8sYaml, validateManifest } from "@wfc/sdk";
import { describe, expect, it } from "vitest";
import { ROOT, wfc } from "../helpers.js";

// Every example in examples/ is built through the real CLI and compared, byte for byte, with
// its golden file. Regenerate the golden files with UPDATE_GOLDEN=1 after reviewing the change.
const EXAMPLES = ["quickstart", "etl", "data-ingestion", "cron", "workflow-template", "decorators"];

// One `wfc lint` for all of them: each run type-checks against the SDK's declarations (about 9 s of CPU
// for one example, 10 s for all six), and six runs, one per test, came close to the 60 s timeout on a
// loaded machine. Each example's test reads its own lines.
const lint = wfc(["lint", ...EXAMPLES.map((name) => `examples/${name}.ts`)]);

describe("wfc lint of every example", () => {
  it("exits 0 with nothing on stderr", () => {
    expect(lint.stderr).toBe("");
    expect(lint.code).toBe(0);
  });
});

describe.each(EXAMPLES)("examples/%s.ts", (name) => {
  const result = wfc(["build", `examples/${name}.ts`]);

  it("builds", () => {
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
  });

  it("matches its golden file", () => {
    const golden = join(ROOT, "examples/golden", `${name}.yaml`);
    if (process.env.UPDATE_GOLDEN) writeFileSync(golden, result.stdout);
    expect(result.stdout).toBe(readFileSync(golden, "utf8"));
  });

  it("passes Argo's full CRD schema with unknown fields rejected", () => {
    const docs = parseK8sYaml(result.stdout, `${name}.yaml`);
    expect(docs.length).toBeGreaterThan(0);
    for (const d of docs) expect(validateManifest(d)).toEqual([]);
  });

  it("passes wfc lint", () => {
    expect(lint.stderr.split("\n").filter((l) => l.includes(`examples/${name}.ts`))).toEqual([]);
    expect(lint.stdout).toMatch(new RegExp(`^examples/${name}\\.ts: ok \\(`, "m"));
  });
});
