import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, tscStrict } from "../helpers.js";
import { examplesOf, exportsOf } from "./doc-examples.js";

// Every ```ts block in the @example of a user-facing export (not `@internal`) of the SDK's public
// entries compiles: each block becomes a module (inside a function unless it has top-level
// `export`/`import`s), with the entry's exports and the fixtures of doc-prelude.ts in scope, and
// one tsc program checks them all.
const ENTRIES: Record<string, string> = {
  "@wfc/sdk": "packages/sdk/src/index.ts",
  "@wfc/sdk/testing": "packages/sdk/src/testing.ts",
  "@wfc/import": "packages/import/src/index.ts",
};
const OUT = join(ROOT, "test/style/.out");
const PRELUDE_NAMES = [
  ...readFileSync(join(ROOT, "test/style/doc-prelude.ts"), "utf8").matchAll(/export declare const (\w+)/g),
].map((m) => m[1]!);

function moduleFor(code: string, pkg: string, names: readonly string[]): string {
  const own = (name: string) =>
    new RegExp(`(?:const|let|function|class)\\s+${name}\\b|import\\s*\\{[^}]*\\b${name}\\b`).test(code);
  const body = code.replace(/^import[^;]*from "@wfc\/sdk";\n/gm, "");
  const head = [
    `import { ${names.filter((x) => !own(x)).join(", ")} } from "${pkg}";`,
    `import { ${PRELUDE_NAMES.filter((x) => !own(x) && !names.includes(x)).join(", ")} } from "../doc-prelude.js";`,
  ];
  const topLevel = /^(export|import) /m.test(body);
  return `${head.join("\n")}\n${topLevel ? body : `export async function example(): Promise<void> {\n${body}\n}`}\n`;
}

const exported = exportsOf(Object.values(ENTRIES).map((entry) => join(ROOT, entry)));
const blocks = Object.entries(ENTRIES).flatMap(([pkg, entry]) => {
  const exports = exported.get(join(ROOT, entry)) ?? [];
  const names = exports.filter((e) => !e.external || e.name === "z").map((e) => e.name);
  return examplesOf(exports).map((e, i) => ({
    pkg,
    name: e.name,
    file: join(OUT, `${pkg.replace(/\W/g, "_")}_${i}.ts`),
    code: moduleFor(e.code, pkg, names),
  }));
});

afterAll(() => rmSync(OUT, { recursive: true, force: true }));

describe("@example blocks of the public entries", () => {
  it("finds them", () => {
    expect(blocks.length).toBeGreaterThan(80);
  });

  // one tsc program for every block: about 10 s of CPU (checking against the SDK's declarations), which a
  // loaded machine (load average 15 on two cores) can stretch past 60 s; the timeout only guards against a
  // hang, nothing here measures speed
  it("type-check under tsc --strict", { timeout: 120_000 }, () => {
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    for (const b of blocks) writeFileSync(b.file, b.code);
    const r = tscStrict(blocks.map((b) => b.file));
    const named = (r.stdout + r.stderr).replace(
      /test\/style\/\.out\/(\S+?)\.ts/g,
      (_m, f: string) => blocks.find((b) => b.file.endsWith(`${f}.ts`))?.name ?? f,
    );
    expect(named).toBe("");
  });
});
