// Shared helpers of the benchmark suites in this directory (see scripts/bench.mjs).
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository's root directory. */
export const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
/** The built `wfc` binary. */
export const wfc = join(root, "packages/cli/bin/wfc.js");
/** Runs per measurement (`BENCH_RUNS`, default 3). */
export const runs = Number(process.env.BENCH_RUNS ?? 3);

/** Wall time in milliseconds of one synchronous spawn; throws with its output when it fails. */
export function timeSpawn(cmd, args, options = {}) {
  const t0 = process.hrtime.bigint();
  const p = spawnSync(cmd, args, { encoding: "utf8", maxBuffer: 1 << 30, ...options });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (p.status !== 0 && !options.allowFailure) {
    throw new Error(`${cmd} ${args.join(" ")} exited ${p.status}: ${String(p.stderr).slice(-2000)}`);
  }
  return { ms, stdout: p.stdout, stderr: p.stderr, status: p.status };
}

/** Best and median of a list of numbers. */
export function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return { best: s[0], median: s[Math.floor(s.length / 2)] };
}

/**
 * Measures commands side by side, alternating them in each round so that load drifts hit all of
 * them alike. Returns `{ [label]: { best, median, all } }` in milliseconds.
 */
export function alternate(commands, rounds = runs) {
  const all = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  for (let r = 0; r < rounds; r++) {
    for (const [label, run] of Object.entries(commands)) all[label].push(run());
  }
  return Object.fromEntries(Object.entries(all).map(([k, xs]) => [k, { ...stats(xs), all: xs }]));
}

/** One result line: `label: X ms (best B, median M of R) vs baseline Y ms: ratio; target: met`. */
export function ratioLine(label, subject, baseline, baselineLabel, target) {
  const ratio = subject.median / baseline.median;
  const best = subject.best / baseline.best;
  const verdict = target === undefined ? "" : `; target <= ${target}x: ${ratio <= target ? "met" : "NOT met"}`;
  return `${label}: median ${subject.median.toFixed(0)} ms (best ${subject.best.toFixed(0)}) vs ${baselineLabel} median ${baseline.median.toFixed(0)} ms (best ${baseline.best.toFixed(0)}): ratio ${ratio.toFixed(2)}x median, ${best.toFixed(2)}x best${verdict}`;
}
