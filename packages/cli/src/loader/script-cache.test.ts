import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fileScriptCache } from "./script-cache.js";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function fresh(): string {
  const d = mkdtempSync(join(tmpdir(), "wfc-script-cache-"));
  dirs.push(d);
  return d;
}
const KEY = "a".repeat(64);
const OTHER = "b".repeat(64);

describe("fileScriptCache", () => {
  it("gives back what was stored, by key, and nothing for an unknown key", () => {
    const d = fresh();
    const c = fileScriptCache(d);
    expect(c.get(KEY)).toBeUndefined();
    c.set(KEY, "const run = () => 1;\n");
    expect(c.get(KEY)).toBe("const run = () => 1;\n");
    expect(fileScriptCache(d).get(KEY)).toBe("const run = () => 1;\n"); // another process, same directory
    expect(c.get(OTHER)).toBeUndefined();
    expect(readdirSync(join(d, "scripts"))).toEqual([`${KEY}.js`]); // no temporary file left
  });

  it("an altered, truncated or foreign file is a miss", () => {
    const d = fresh();
    const c = fileScriptCache(d);
    c.set(KEY, "const run = () => 1;\n");
    const file = join(d, "scripts", `${KEY}.js`);
    const text = readFileSync(file, "latin1"); // the checksum is binary
    writeFileSync(file, text.replace("1;", "2;"), "latin1");
    expect(c.get(KEY)).toBeUndefined();
    writeFileSync(file, text.slice(0, 40), "latin1");
    expect(c.get(KEY)).toBeUndefined();
    writeFileSync(file, "const run = () => 3;\n");
    expect(c.get(KEY)).toBeUndefined();
    writeFileSync(file, text, "latin1");
    expect(c.get(KEY)).toBe("const run = () => 1;\n");
  });

  it("keys that are not SHA-256 hex never reach the file system", () => {
    const d = fresh();
    const c = fileScriptCache(d);
    c.set("../escape", "x");
    expect(c.get("../escape")).toBeUndefined();
    expect(() => readdirSync(join(d, "scripts"))).toThrow(); // nothing was created
  });

  it("a cache directory that cannot be written only means no cache", () => {
    const d = fresh();
    writeFileSync(join(d, "scripts"), "a file where the directory would be"); // fails even as root
    const c = fileScriptCache(d);
    expect(() => c.set(KEY, "x")).not.toThrow();
    expect(c.get(KEY)).toBeUndefined();
    expect(readdirSync(d)).toEqual(["scripts"]);
  });

  it("removes entries older than 30 days when a new one is written", () => {
    const d = fresh();
    const c = fileScriptCache(d);
    c.set(KEY, "old\n");
    const old = new Date(Date.now() - 31 * 24 * 3600 * 1000);
    utimesSync(join(d, "scripts", `${KEY}.js`), old, old);
    fileScriptCache(d).set(OTHER, "new\n");
    expect(readdirSync(join(d, "scripts"))).toEqual([`${OTHER}.js`]);
  });
});
