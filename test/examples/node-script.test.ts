import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { wfc } from "../helpers.js";

// The script templates nodeScript() generates are real programs: run them with this machine's
// Node (as the node image would, `node <file>`), inputs passed as Argo would substitute them.
const dir = mkdtempSync(join(tmpdir(), "wfc-script-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Template = { name: string; script?: { source: string; env?: { name: string; value: string }[] } };

function runScript(t: Template, inputs: Record<string, string>): string {
  const file = join(dir, t.name);
  writeFileSync(file, t.script!.source);
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH };
  for (const e of t.script!.env ?? []) {
    const name = /\{\{inputs\.parameters\.(.+)\}\}/.exec(e.value)![1]!;
    env[e.name] = inputs[name];
  }
  return execFileSync(process.execPath, [file], { env, encoding: "utf8" });
}

describe("nodeScript templates run", () => {
  const m = JSON.parse(wfc(["build", "examples/quickstart.ts", "--format", "json"]).stdout) as {
    spec: { templates: Template[] };
  };
  const byName = new Map(m.spec.templates.map((t) => [t.name, t]));

  it("random-number prints a number between 0 and 99", () => {
    const out = runScript(byName.get("random-number")!, {});
    expect(Number(out)).toBeGreaterThanOrEqual(0);
    expect(Number(out)).toBeLessThan(100);
  });

  it("plus-one receives its input typed as a number and prints x + 1", () => {
    expect(runScript(byName.get("plus-one")!, { x: "41" })).toBe("42");
  });
});
