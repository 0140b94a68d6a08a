// The wfc binaries a suite measures: this tree, and with BENCH_BEFORE=DIR also a copy of the tree
// from before a change (DIR holds packages/ and node_modules/ of that copy), measured side by side.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { root, wfc } from "../lib.mjs";

/**
 * `[{ label, bin, file(name, text) }]`: `file` writes a pipeline module where that tree's
 * `@wfc/sdk` resolves (its bench/.work) and returns its path.
 */
export function variants(dir) {
  const list = [{ label: "wfc", bin: wfc, home: root, dir }];
  const before = process.env.BENCH_BEFORE;
  if (before)
    list.push({
      label: "wfc before",
      bin: join(before, "packages/cli/bin/wfc.js"),
      home: before,
      dir: join(before, relative(root, dir)),
    });
  return list.map((v) => ({
    ...v,
    file(name, text) {
      mkdirSync(v.dir, { recursive: true });
      const f = join(v.dir, name);
      writeFileSync(f, text);
      return f;
    },
  }));
}

/** Wall time (ms) and peak resident memory (MiB) of one run (through /usr/bin/time). */
export function timeWithRss(args, options = {}) {
  const t0 = process.hrtime.bigint();
  const p = spawnSync("/usr/bin/time", ["-f", "%M", ...args], { encoding: "utf8", maxBuffer: 1 << 30, ...options });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (p.status !== 0 && !options.allowFailure)
    throw new Error(`${args.join(" ")} exited ${p.status}: ${String(p.stderr).slice(-2000)}`);
  const mib = Number(String(p.stderr).trim().split("\n").pop()) / 1024;
  return { ms, mib, stdout: p.stdout };
}
