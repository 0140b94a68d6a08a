// `wfc lint` and `wfc build --typecheck` type-check the modules they are given with TypeScript:
// the nearest tsconfig.json, strict defaults without one; `file:line:col: message [E_TYPE]`, exit 1.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, wfc } from "../helpers.js";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A directory inside the repository (so `@wfc/sdk` resolves and the repo's tsconfig.json is the nearest). */
function repoDir(): string {
  mkdirSync(join(ROOT, "tmp"), { recursive: true });
  const d = mkdtempSync(join(ROOT, "tmp", "typecheck-"));
  dirs.push(d);
  return d;
}

/** A directory outside any project: no tsconfig.json above it. */
function bareDir(): string {
  const d = mkdtempSync(join(tmpdir(), "wfc-typecheck-"));
  dirs.push(d);
  return d;
}

const MISMATCH = `import { container, workflow, z } from "@wfc/sdk";

const produce = container({ name: "produce", outputs: { text: z.string() } }, { image: "alpine" });
const square = container({ name: "square", inputs: { n: z.number() } }, { image: "alpine" });

export default workflow({ name: "mismatch" }, () => {
  const p = produce();
  square({ n: p.outputs.text });
});
`;

describe("type errors", () => {
  const dir = repoDir();
  const file = join(dir, "mismatch.ts");
  writeFileSync(file, MISMATCH);
  const rel = relative(ROOT, file);

  it("wfc lint reports a Ref<string> passed where a number is expected, at its line, and exits 1", () => {
    const r = wfc(["lint", rel]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${rel}:8:12: Type 'Ref<string>' is not assignable to type 'Value<number>'.`);
    expect(r.stderr).toMatch(/Type 'string' is not assignable to type 'number'\. \[E_TYPE\]/);
    expect(r.stdout).not.toContain("ok");
  });

  it("wfc build --typecheck refuses it before building; plain wfc build does not type-check", () => {
    const checked = wfc(["build", "--typecheck", rel]);
    expect(checked.code).toBe(1);
    expect(checked.stdout).toBe("");
    expect(checked.stderr).toContain(`${rel}:8:12:`);
    expect(checked.stderr).toContain("1 type error found");
    const plain = wfc(["build", rel]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain("name: mismatch");
  });

  it("plain wfc build never loads typescript; --typecheck does", () => {
    const spy = join(dir, "spy.cjs");
    writeFileSync(
      spy,
      `const M = require("node:module"); const load = M._load;
M._load = function (request, ...rest) { if (request === "typescript") process.stderr.write("LOADED typescript\\n"); return load.call(this, request, ...rest); };`,
    );
    const env = { NODE_OPTIONS: `--require ${spy}` };
    expect(wfc(["build", rel], { env }).stderr).not.toContain("LOADED typescript");
    expect(wfc(["build", "--typecheck", rel], { env }).stderr).toContain("LOADED typescript");
  });
});

describe("which options", () => {
  const source = "export function id(x) {\n  return x;\n}\n";

  it("without a tsconfig.json, strict defaults apply (an implicit any is an error)", () => {
    const dir = bareDir();
    writeFileSync(join(dir, "loose.ts"), source);
    const r = wfc(["build", "--typecheck", "loose.ts"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("loose.ts:1:20: Parameter 'x' implicitly has an 'any' type. [E_TYPE]");
  });

  it("the user's nearest tsconfig.json is used (strict off: the same module type-checks)", () => {
    const dir = bareDir();
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: { strict: false } }));
    mkdirSync(join(dir, "src"));
    writeFileSync(join(dir, "src", "loose.ts"), source);
    const r = wfc(["build", "--typecheck", "src/loose.ts"], { cwd: dir });
    expect(r.stderr).not.toContain("[E_TYPE]");
  });
});
