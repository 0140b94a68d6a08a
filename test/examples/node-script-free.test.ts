// A nodeScript function that uses a name from outside it (an import, a module constant, an outer
// variable) would fail in the pod with a ReferenceError: wfc build and wfc lint refuse it, naming
// each name and the line of its use.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, wfc } from "../helpers.js";

mkdirSync(join(ROOT, "tmp"), { recursive: true });
const dir = mkdtempSync(join(ROOT, "tmp", "node-script-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MODULE = `import { readFileSync } from "node:fs";
import { nodeScript, workflow, z } from "@wfc/sdk";

const FACTOR = 3;

export const scale = nodeScript({
  inputs: { n: z.number() },
  run: function scale({ n }) {
    const local = n + 1;
    return local * FACTOR + readFileSync("/etc/hostname", "utf8").length;
  },
});

export default workflow({ name: "free" }, () => {
  scale({ n: 1 });
});
`;

describe("nodeScript free variables", () => {
  const file = join(dir, "free.ts");
  writeFileSync(file, MODULE);
  const rel = relative(ROOT, file);

  for (const cmd of ["build", "lint"]) {
    it(`wfc ${cmd} names each outside name with its line and exits 1`, () => {
      const r = wfc([cmd, rel]);
      expect(r.code).toBe(1);
      expect(r.stdout).not.toContain("kind: Workflow");
      expect(r.stderr).toContain('script "scale" uses "FACTOR" (line 10), "readFileSync" (line 10)');
      expect(r.stderr).toContain(`${rel}:6:`); // the nodeScript call (the [E_CODE] suffix is the CLI's error format)
    });
  }

  it("a self-contained function (imports inside it, Node globals) builds", () => {
    const ok = join(dir, "ok.ts");
    writeFileSync(
      ok,
      MODULE.replace(
        "return local * FACTOR + readFileSync",
        'const { readFileSync } = require("node:fs");\n    return local * 3 + readFileSync',
      ),
    );
    const r = wfc(["build", relative(ROOT, ok)]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  });
});
