// Start-up of the `wfc` binary against a bare `node -e 0` (issue 15: `wfc build` of a one-task
// hello world within 2.5x). Alternated in each round, best and median:
//  - `wfc build hello.ts`, warm cache: the compiled module is reused (esbuild is not loaded);
//  - `wfc build hello.ts`, cold cache: a fresh WFC_CACHE_DIR each run (esbuild bundles the module);
//  - `wfc build examples/quickstart.ts` (the README's quick start: two nodeScript templates), warm;
//  - `wfc --version`.
// Each line also gives the CPU time (user + system, from /proc: Linux, 10 ms ticks), which a
// machine loaded by other processes inflates less than wall time.
// BENCH_WFC_BEFORE=path/to/another/bin/wfc.js adds the same measurements of that binary (a copy of
// an older build) to compare before/after side by side. BENCH_RUNS rounds (default 10 here).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { alternate, ratioLine, root, stats, timeSpawn, wfc } from "./lib.mjs";

export const name = "startup";

const HELLO = `import { container, workflow } from "@wfc/sdk";

const hello = container({ name: "hello" }, { image: "busybox", command: ["echo", "hello"] });

export default workflow({ generateName: "hello-", entrypoint: hello });
`;

const TARGET = 2.5;

/** CPU time (ms) of this process's waited-for children so far, or undefined off Linux. */
function childrenCpu() {
  try {
    const f = readFileSync("/proc/self/stat", "utf8").split(") ")[1].split(" ");
    return (Number(f[13]) + Number(f[14])) * 10; // cutime + cstime, in 10 ms ticks
  } catch {
    return undefined;
  }
}

export async function run({ dir }) {
  mkdirSync(dir, { recursive: true });
  const hello = join(dir, "hello.ts");
  writeFileSync(hello, HELLO);
  const quickstart = join(dir, "quickstart.ts");
  writeFileSync(quickstart, readFileSync(join(root, "examples/quickstart.ts"), "utf8"));
  const rounds = Number(process.env.BENCH_RUNS ?? 10);
  const warmCache = join(dir, "cache-warm");
  const binaries = { wfc };
  if (process.env.BENCH_WFC_BEFORE) binaries.before = process.env.BENCH_WFC_BEFORE;
  const env = (cacheDir) => ({ env: { ...process.env, WFC_CACHE_DIR: cacheDir }, cwd: dir });
  const cold = [];
  const commands = { "node -e 0": () => timeSpawn(process.execPath, ["-e", "0"]).ms };
  for (const [label, bin] of Object.entries(binaries)) {
    const out = timeSpawn(process.execPath, [bin, "build", hello], env(warmCache)).stdout; // primes the cache
    if (!out.includes("name: hello")) throw new Error(`${label}: unexpected output of wfc build: ${out.slice(0, 200)}`);
    commands[`${label} build (warm cache)`] = () =>
      timeSpawn(process.execPath, [bin, "build", hello], env(warmCache)).ms;
    commands[`${label} build (cold cache)`] = () => {
      const fresh = mkdtempSync(join(dir, "cache-cold-"));
      cold.push(fresh);
      return timeSpawn(process.execPath, [bin, "build", hello], env(fresh)).ms;
    };
    // The README's quick start: two nodeScript templates (their checked scripts come from the cache).
    if (!timeSpawn(process.execPath, [bin, "build", quickstart], env(warmCache)).stdout.includes("plus-one"))
      throw new Error(`${label}: unexpected output of wfc build examples/quickstart.ts`);
    commands[`${label} build examples/quickstart.ts (nodeScript, warm cache)`] = () =>
      timeSpawn(process.execPath, [bin, "build", quickstart], env(warmCache)).ms;
    commands[`${label} --version`] = () => timeSpawn(process.execPath, [bin, "--version"]).ms;
  }
  const cpu = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  const measured = Object.fromEntries(
    Object.entries(commands).map(([label, f]) => [
      label,
      () => {
        const c0 = childrenCpu();
        const ms = f();
        const c1 = childrenCpu();
        if (c0 !== undefined && c1 !== undefined) cpu[label].push(c1 - c0);
        return ms;
      },
    ]),
  );
  const r = alternate(measured, rounds);
  for (const d of cold) rmSync(d, { recursive: true, force: true });
  const base = r["node -e 0"];
  const baseCpu = cpu["node -e 0"].length ? stats(cpu["node -e 0"]) : undefined;
  for (const label of Object.keys(commands)) {
    if (label === "node -e 0") continue;
    const target = label.includes(" build ") ? TARGET : undefined;
    const c = cpu[label].length && baseCpu ? stats(cpu[label]) : undefined;
    const cpuNote =
      c && baseCpu?.median
        ? `; cpu median ${c.median} ms vs ${baseCpu.median} ms: ${(c.median / baseCpu.median).toFixed(2)}x`
        : "";
    console.log(`${ratioLine(label, r[label], base, "node -e 0", target)}${cpuNote}`);
  }
}
