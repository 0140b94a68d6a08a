import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { parseK8sYaml } from "@wfc/sdk";
import { ROOT, wfc } from "../helpers.js";

// The complete example of docs/events.md (the ```ts block with exports) type-checks, builds and lints.
const OUT = join(ROOT, "test/events/.out");
afterAll(() => rmSync(OUT, { recursive: true, force: true }));

it("docs/events.md: the chained-tasks example type-checks, builds and passes wfc lint", () => {
  const blocks = [...readFileSync(join(ROOT, "docs/events.md"), "utf8").matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!).filter((c) => c.includes("export const"));
  expect(blocks.length).toBe(1);
  mkdirSync(OUT, { recursive: true });
  const file = join(OUT, "chained.ts");
  writeFileSync(file, blocks[0]!);
  const tsc = spawnSync(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "--noEmit", "--strict", "--module", "nodenext", "--moduleResolution", "nodenext", "--target", "es2022", "--skipLibCheck", "--types", "node", file], { cwd: ROOT, encoding: "utf8" });
  expect(tsc.stdout + tsc.stderr).toBe("");
  const r = wfc(["build", file]);
  expect(r.stderr).toBe("");
  const docs = parseK8sYaml(r.stdout, "out.yaml") as { kind: string; metadata: { name: string } }[];
  // every object once (the templates are exported and also emitted by the sensors that run them)
  expect(docs.map((d) => `${d.kind}/${d.metadata.name}`).sort()).toEqual([
    "EventBus/default", "EventSource/messages", "Sensor/on-ingested", "Sensor/on-upload", "WorkflowTemplate/ingest", "WorkflowTemplate/report",
  ]);
  const lint = wfc(["lint", file]);
  expect(lint.stderr).toBe("");
  expect(lint.code).toBe(0);
});
