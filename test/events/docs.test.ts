import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseK8sYaml } from "@wfc/sdk";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ROOT, wfc } from "../helpers.js";

// Every ```ts block of docs/events.md is a complete module: all of them type-check (one tsc run), and the
// chained-tasks example (the block that exports the EventBus) also builds and lints.
const OUT = join(ROOT, "test/events/.out");
const BLOCKS = [...readFileSync(join(ROOT, "docs/events.md"), "utf8").matchAll(/```ts\n([\s\S]*?)```/g)].map(
  (m) => m[1]!,
);
const file = (i: number) => join(OUT, `block-${i}.ts`);

// Blocks that are a file of the runnable chain, verbatim: checked against the file (which the tests run and
// the root tsc checks), not type-checked again on their own.
const CHAIN = ["examples/events/chain/pipeline.ts", "examples/events/chain/pipeline.test.ts"];
const isChainFile = (code: string) => CHAIN.some((f) => readFileSync(join(ROOT, f), "utf8") === code);

beforeAll(() => {
  mkdirSync(OUT, { recursive: true });
  for (const [i, code] of BLOCKS.entries()) writeFileSync(file(i), code);
});
afterAll(() => rmSync(OUT, { recursive: true, force: true }));

it("docs/events.md: every ts block type-checks as a module of its own", () => {
  expect(BLOCKS.length).toBeGreaterThanOrEqual(4);
  for (const code of BLOCKS) expect(code).toMatch(/^import /m);
  const files = BLOCKS.map((c, i) => [c, i] as const)
    .filter(([c]) => !isChainFile(c))
    .map(([, i]) => file(i));
  const tsc = spawnSync(
    process.execPath,
    [
      join(ROOT, "node_modules/typescript/bin/tsc"),
      "--noEmit",
      "--strict",
      "--module",
      "nodenext",
      "--moduleResolution",
      "nodenext",
      "--target",
      "es2022",
      "--skipLibCheck",
      "--types",
      "node",
      "--moduleDetection",
      "force",
      ...files,
    ],
    { cwd: ROOT, encoding: "utf8" },
  );
  expect(tsc.stdout + tsc.stderr).toBe("");
});

it("docs/events.md: shows the runnable chain and its test verbatim", () => {
  for (const f of CHAIN) expect(BLOCKS).toContain(readFileSync(join(ROOT, f), "utf8"));
});

it("docs/events.md: the chained-tasks example builds and passes wfc lint", () => {
  const chained = BLOCKS.map((c, i) => [c, i] as const).filter(([c]) => c.includes("eventBus("));
  expect(chained.length).toBe(1);
  const f = file(chained[0]![1]);
  const r = wfc(["build", f]);
  expect(r.stderr).toBe("");
  const docs = parseK8sYaml(r.stdout, "out.yaml") as { kind: string; metadata: { name: string } }[];
  // every object once (the templates are exported and also emitted by the sensors that run them)
  expect(docs.map((d) => `${d.kind}/${d.metadata.name}`).sort()).toEqual([
    "EventBus/default",
    "EventSource/messages",
    "Sensor/on-both",
    "Sensor/on-ingested",
    "Sensor/on-upload",
    "WorkflowTemplate/audit",
    "WorkflowTemplate/ingest",
    "WorkflowTemplate/report",
  ]);
  const lint = wfc(["lint", f]);
  expect(lint.stderr).toBe("");
  expect(lint.code).toBe(0);
});
