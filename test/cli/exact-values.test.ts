import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../helpers.js";
import { cleanup, STACK_LINE, tmpDir, wfcBounded } from "./bounded.js";

// Integers past 2^53 and `__proto__` keys (both valid in Argo) through import, lint, build and submit.
const YAML = `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  name: exact
spec:
  entrypoint: main
  activeDeadlineSeconds: 9007199254740993
  arguments:
    parameters:
    - name: __proto__
      value: hi
  templates:
  - name: main
    inputs:
      parameters:
      - name: __proto__
    container:
      image: alpine
      args: ["{{inputs.parameters.__proto__}}"]
  - name: plug
    plugin:
      hello:
        __proto__:
          polluted: "yes"
        x: 1
`;

let dir = "";
let yaml = "";
// The generated module must resolve @wfc/sdk: it lives in the repository (an ignored directory).
const out = join(ROOT, "test/import/.out/harden-exact");
beforeAll(() => {
  dir = tmpDir("exact");
  yaml = join(dir, "exact.yaml");
  writeFileSync(yaml, YAML);
  mkdirSync(out, { recursive: true });
});
afterAll(() => {
  cleanup();
  rmSync(out, { recursive: true, force: true });
});

const checkExact = (text: string) => {
  expect(text).toMatch(/activeDeadlineSeconds"?: 9007199254740993\b/);
  expect(text).not.toContain("9007199254740992");
};

describe("exact integers and __proto__ keys", () => {
  it("wfc lint of the YAML: ok", () => {
    const r = wfcBounded(["lint", yaml]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  });

  it("wfc submit --dry-run=client keeps the integer exactly (YAML and JSON)", () => {
    for (const o of ["yaml", "json"]) {
      const r = wfcBounded(["submit", "--dry-run=client", "-o", o, yaml]);
      expect(r.stderr).not.toMatch(STACK_LINE);
      expect(r.code).toBe(0);
      checkExact(r.stdout);
    }
  });

  it("wfc import writes code that type-checks and builds back to the same values", () => {
    const ts = join(out, "exact.ts");
    const imp = wfcBounded(["import", yaml, "-o", ts]);
    expect(imp.stderr).not.toMatch(STACK_LINE);
    expect(imp.code).toBe(0);
    const code = readFileSync(ts, "utf8");
    expect(code).toContain('["__proto__"]');
    const lint = wfcBounded(["lint", ts], { timeoutMs: 180_000 }); // lint type-checks the module too (slow on a loaded machine)
    expect(lint.stderr).toBe("");
    expect(lint.code).toBe(0);
    for (const o of ["yaml", "json"]) {
      const b = wfcBounded(["build", ts, "-o", o]);
      expect(b.code).toBe(0);
      checkExact(b.stdout);
    }
    const json = JSON.parse(wfcBounded(["build", ts, "-o", "json"]).stdout);
    expect(json.spec.arguments.parameters).toEqual([{ name: "__proto__", value: "hi" }]);
    const plugin = json.spec.templates.find((t: { name: string }) => t.name === "plug").plugin.hello;
    expect(Object.keys(plugin)).toEqual(["__proto__", "x"]);
    expect(Object.getOwnPropertyDescriptor(plugin, "__proto__")?.value).toEqual({ polluted: "yes" });
    expect(Object.getPrototypeOf(plugin)).toBe(Object.prototype);
  }, 300_000);
});
