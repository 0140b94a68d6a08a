import { describe, expect, it } from "vitest";
import { freeVariables } from "./free-variables.js";
import { nodeScript } from "./node-script.js";

describe("freeVariables", () => {
  it("finds module constants, imports and outer variables, with their line; not params, locals or Node globals", () => {
    const src = [
      "const run = function f({ n }, [m] = []) {",
      "  const x = 1; let y; function g() { return arguments.length + g.length; }",
      "  try { JSON.parse('') } catch (err) { console.error(err) }",
      "  return n * FACTOR + m + Math.max(x) + Number(process.env.A) + readFileSync(y) + f + require('node:os').EOL + g();",
      "};",
    ].join("\n");
    expect(freeVariables(src).map((v) => `${v.name}@${v.line}`)).toEqual(["FACTOR@4", "readFileSync@4"]);
  });

  it("a name used before it is declared in an inner scope is still local; shadowed globals are fine", () => {
    expect(
      freeVariables("const run = () => { const fetch = 1; return fetch + later(); function later() { return 2; } };"),
    ).toEqual([]);
  });

  it("Node's globals and ECMAScript built-ins are not free", () => {
    const src =
      "const run = async () => { await fetch(new URL('http://x')); Buffer.from(''); setTimeout(() => {}); return structuredClone(globalThis); };";
    expect(freeVariables(src)).toEqual([]);
  });
});

describe("nodeScript", () => {
  it("refuses a function that uses a module constant, with E_SCRIPT_FREE_VARIABLE naming it", () => {
    const LIMIT = 3;
    expect(() => nodeScript({ name: "s", run: () => LIMIT })).toThrow(
      expect.objectContaining({ code: "E_SCRIPT_FREE_VARIABLE", message: expect.stringContaining('uses "LIMIT"') }),
    );
  });
});
