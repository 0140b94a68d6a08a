import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseK8sYaml, validateManifest } from "@wfc/sdk";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, tscStrict, wfc } from "../helpers.js";

// Every complete TypeScript example in the README and the guides (a ```ts block with an
// `export default`) is written to a module, built by the real CLI and checked against the CRD
// schema: the docs cannot drift from the API.
const DOCS = ["README.md", "docs/getting-started.md", "docs/concepts.md", "docs/decorators.md"];
const OUT = join(ROOT, "test/docs/.out");
mkdirSync(OUT, { recursive: true });
afterAll(() => rmSync(OUT, { recursive: true, force: true }));

const fileOf = (b: { doc: string; index: number }) => join(OUT, `${b.doc.replace(/[^a-z]/gi, "_")}_${b.index}.ts`);

const blocks = DOCS.flatMap((doc) =>
  [...readFileSync(join(ROOT, doc), "utf8").matchAll(/```ts\n([\s\S]*?)```/g)]
    .map((m, i) => ({ doc, index: i, code: m[1]! }))
    .filter((b) => b.code.includes("export default")),
);

describe("documentation examples", () => {
  it("finds the examples", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(4);
  });

  it("type-check under tsc --strict", () => {
    for (const b of blocks) writeFileSync(fileOf(b), b.code);
    const files = blocks.map(fileOf);
    const r = tscStrict(files);
    expect(r.stdout + r.stderr).toBe("");
    expect(r.code).toBe(0);
  });

  it.each(blocks.map((b) => [`${b.doc} #${b.index}`, b] as const))("%s builds and validates", (_name, b) => {
    const file = fileOf(b);
    writeFileSync(file, b.code);
    const r = wfc(["build", file]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    for (const m of parseK8sYaml(r.stdout)) expect(validateManifest(m)).toEqual([]);
  });
});
