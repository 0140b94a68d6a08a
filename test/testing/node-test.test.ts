// The harness is an ordinary async function: it works under node's own test runner too.
import { spawnSync } from "node:child_process";
import { expect, it } from "vitest";
import { ROOT } from "../helpers.js";

it("runWorkflow works under node:test", () => {
  const r = spawnSync(process.execPath, ["--import", "tsx", "--test", "test/testing/fixtures/node-test-etl.ts"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  expect(r.stdout, r.stderr).toMatch(/# pass 1\n# fail 0/);
  expect(r.status).toBe(0);
});
