import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { nodeScript } from "./node-script.js";
import { type ScriptCache, scriptKey, setScriptCache } from "./script-cache.js";
import { templateModel } from "./template-model.js";

/** A cache in memory that records its calls. */
function memoryCache(): ScriptCache & { readonly entries: Map<string, string>; readonly gets: string[] } {
  const entries = new Map<string, string>();
  const gets: string[] = [];
  return {
    entries,
    gets,
    get: (k) => {
      gets.push(k);
      return entries.get(k);
    },
    set: (k, v) => void entries.set(k, v),
  };
}

const sourceOf = (t: unknown): string => (templateModel(t).fields as { script: { source: string } }).script.source;

afterEach(() => setScriptCache(undefined));

describe("nodeScript's script cache", () => {
  it("keys a script by a SHA-256 of its text and of the SDK's and esbuild's versions", () => {
    const a = scriptKey("const run = function f() { return 1; };");
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(scriptKey("const run = function f() { return 1; };")).toBe(a);
    expect(scriptKey("const run = function f() { return 2; };")).not.toBe(a);
  });

  it("stores the printed script of a checked function and takes it from the cache next time", () => {
    const cache = memoryCache();
    setScriptCache(cache);
    const make = () =>
      nodeScript({
        inputs: { x: z.number() },
        result: z.number(),
        run: function addOne({ x }) {
          return x + 1;
        },
      });
    const printed = sourceOf(make());
    expect(cache.entries.size).toBe(1);
    const [key, stored] = [...cache.entries][0]!;
    expect(stored).toBe(printed);
    expect(printed).toContain("return x + 1;");
    // The second template with the same function reads the entry: what is stored is what is used.
    cache.entries.set(key!, `${printed}// from the cache\n`);
    expect(sourceOf(make())).toBe(`${printed}// from the cache\n`);
    expect(cache.gets).toEqual([key, key]);
  });

  it("stores nothing for a function with free variables, which is refused as without a cache", () => {
    const cache = memoryCache();
    setScriptCache(cache);
    const LIMIT = 3;
    expect(() =>
      nodeScript({
        result: z.number(),
        run: function limit() {
          return LIMIT;
        },
      }),
    ).toThrow(/E_SCRIPT_FREE_VARIABLE|LIMIT/);
    expect(cache.entries.size).toBe(0);
  });

  it("without a cache, every script is checked and printed", () => {
    const cache = memoryCache();
    setScriptCache(cache);
    setScriptCache(undefined);
    const t = nodeScript({
      result: z.string(),
      run: function hi() {
        return "hi";
      },
    });
    expect(sourceOf(t)).toContain('return "hi";');
    expect(cache.gets).toEqual([]);
  });
});
