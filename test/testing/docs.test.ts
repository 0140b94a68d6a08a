// docs/testing.md shows excerpts of real tests: every ```ts block must appear, line for line
// (indentation aside), in one of the test files it cites, so the guide cannot drift from code
// that runs.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers.js";

const SOURCES = ["examples/quickstart.test.ts", "examples/etl.test.ts", "test/testing/harness.test.ts"];
const lines = (text: string) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
const sources = SOURCES.map((f) => ({ file: f, text: lines(readFileSync(join(ROOT, f), "utf8")).join("\n") }));
const doc = readFileSync(join(ROOT, "docs/testing.md"), "utf8");
const blocks = [...doc.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);

describe("docs/testing.md", () => {
  it("has TypeScript examples", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(8);
  });
  it.each(blocks.map((b, i) => [i + 1, b] as const))("example %i is an excerpt of a test that runs", (_i, block) => {
    const wanted = lines(block).join("\n");
    expect(sources.filter((s) => s.text.includes(wanted)).map((s) => s.file)).not.toEqual([]);
  });
  it("is linked from the README", () => {
    expect(readFileSync(join(ROOT, "README.md"), "utf8")).toContain("(docs/testing.md)");
  });
});
