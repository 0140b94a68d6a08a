import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Script } from "node:vm";
import { describe, expect, it } from "vitest";
import { runWithCodeCache } from "./code-cache.js";

function setup(source: string): { file: string; cacheDir: string } {
  const dir = mkdtempSync(join(tmpdir(), "wfc-code-cache-"));
  const file = join(dir, "lib.cjs");
  writeFileSync(file, source);
  return { file, cacheDir: join(dir, "cache") };
}

const LIB = `exports.answer = (n) => n * 2 + extra; exports.dir = __dirname; exports.req = typeof require("node:path").join;`;

/**
 * One run in a fresh process (V8 keeps what it compiled in memory: a second compile of the same
 * source in this process would not look at the cache at all), through the built module.
 */
function fresh(file: string, cacheDir: string, extra = 1): { cache: string; answer: number; saved: boolean } {
  const built = new URL("../../dist/loader/code-cache.js", import.meta.url).href;
  const r = spawnSync(
    process.execPath,
    [
      "--input-type=module",
      "-e",
      `const { runWithCodeCache } = await import(${JSON.stringify(built)});
const r = runWithCodeCache(${JSON.stringify(file)}, { extra: ${extra} }, ${JSON.stringify(cacheDir)});
const answer = r.exports.answer(20);
console.log(JSON.stringify({ cache: r.cache, answer, saved: r.save() }));`,
    ],
    { encoding: "utf8" },
  );
  expect(r.stderr).toBe("");
  return JSON.parse(r.stdout);
}

function cacheFiles(cacheDir: string): string[] {
  return readdirSync(cacheDir).filter((n) => n.startsWith("v8-"));
}

describe("runWithCodeCache", () => {
  it("runs the file as CommonJS with the extra bindings, writes the cache once, then uses it", () => {
    const { file, cacheDir } = setup(LIB);
    const first = runWithCodeCache(file, { extra: 1 }, cacheDir);
    const lib = first.exports as { answer(n: number): number; dir: string; req: string };
    expect([lib.answer(20), lib.dir, lib.req]).toEqual([41, join(file, ".."), "function"]);
    expect(first.cache).toBe("none");
    expect(first.save()).toBe(true);
    // the cache's name covers Node's options too: the child processes below have their own
    expect(fresh(file, cacheDir)).toEqual({ cache: "none", answer: 41, saved: true });
    const [name] = cacheFiles(cacheDir).filter((n) => !first.cacheFile?.endsWith(n));
    expect(name).toMatch(/^v8-[0-9a-f]{32}\.bin$/);
    const written = readFileSync(join(cacheDir, name!));
    expect(fresh(file, cacheDir)).toEqual({ cache: "used", answer: 41, saved: false }); // nothing to write
    expect(cacheFiles(cacheDir)).toHaveLength(2);
    expect(readFileSync(join(cacheDir, name!)).equals(written)).toBe(true);
  });

  it("a changed source (even of the same length) gets its own cache, never the old one's code", () => {
    const { file, cacheDir } = setup(LIB);
    expect(fresh(file, cacheDir).saved).toBe(true);
    writeFileSync(file, LIB.replace("n * 2", "n * 3"));
    expect(fresh(file, cacheDir)).toEqual({ cache: "none", answer: 61, saved: true });
    expect(fresh(file, cacheDir)).toEqual({ cache: "used", answer: 61, saved: false });
    expect(cacheFiles(cacheDir)).toHaveLength(2);
  });

  it("a corrupt or truncated cache is ignored and written anew", () => {
    const { file, cacheDir } = setup(LIB);
    expect(fresh(file, cacheDir).saved).toBe(true);
    const path = join(cacheDir, cacheFiles(cacheDir)[0]!);
    const good = readFileSync(path);
    for (const damaged of [
      Buffer.concat([good.subarray(0, good.length - 40), Buffer.alloc(40, 0xab)]), // payload bytes
      good.subarray(0, good.length >> 1), // truncated
      Buffer.from("not a cache"),
      Buffer.alloc(0),
    ]) {
      writeFileSync(path, damaged);
      expect(fresh(file, cacheDir)).toEqual({ cache: "none", answer: 41, saved: true });
      expect(fresh(file, cacheDir)).toEqual({ cache: "used", answer: 41, saved: false });
    }
  });

  it("a well-formed cache V8 does not accept (another script's code) is ignored and replaced", () => {
    const { file, cacheDir } = setup(LIB);
    expect(fresh(file, cacheDir).saved).toBe(true);
    const path = join(cacheDir, cacheFiles(cacheDir)[0]!);
    const other = new Script("(function () { return 42; })").createCachedData();
    const magic = readFileSync(path).subarray(0, "wfc-v8-code-cache-1\n".length);
    writeFileSync(path, Buffer.concat([magic, createHash("sha256").update(other).digest(), other]));
    expect(fresh(file, cacheDir)).toEqual({ cache: "rejected", answer: 41, saved: true });
    expect(fresh(file, cacheDir)).toEqual({ cache: "used", answer: 41, saved: false });
  });

  it("without a usable cache directory the file still runs, and saving says no", () => {
    const { file } = setup(LIB);
    const blocked = join(file, "cache"); // below a file: cannot be created
    const run = runWithCodeCache(file, { extra: 2 }, blocked);
    expect((run.exports as { answer(n: number): number }).answer(1)).toBe(4);
    expect(run.save()).toBe(false);
    const none = runWithCodeCache(file, { extra: 2 }, undefined);
    expect(none.cache).toBe("none");
    expect(none.save()).toBe(false);
  });

  it("writing a cache removes this module's cache files older than 30 days, and only those", () => {
    const { file, cacheDir } = setup(LIB);
    runWithCodeCache(file, { extra: 1 }, cacheDir).save();
    const old = join(cacheDir, `v8-${"0".repeat(32)}.bin`);
    const recent = join(cacheDir, `v8-${"1".repeat(32)}.bin`);
    const foreign = join(cacheDir, "b-something");
    for (const p of [old, recent, foreign]) writeFileSync(p, "x");
    const longAgo = Date.now() / 1000 - 31 * 24 * 3600;
    for (const p of [old, foreign]) utimesSync(p, longAgo, longAgo);
    writeFileSync(file, `${LIB}\n`);
    expect(runWithCodeCache(file, { extra: 1 }, cacheDir).save()).toBe(true);
    const left = readdirSync(cacheDir);
    expect(left).not.toContain(`v8-${"0".repeat(32)}.bin`);
    expect(left).toContain(`v8-${"1".repeat(32)}.bin`);
    expect(left).toContain("b-something");
    expect(statSync(foreign).mtimeMs).toBeLessThan(Date.now() - 30 * 24 * 3600 * 1000);
  });
});
