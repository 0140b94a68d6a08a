/**
 * esbuild runs as a service child process (one for the loader's bundling on the main thread, one
 * inside the worker thread behind esbuild's synchronous API, which the SDK uses to print
 * `nodeScript` sources). Both are unreferenced: left alone they outlive wfc for a moment and stay
 * behind in its process group, exited but not yet reaped. Before wfc exits, each one still running
 * is asked to stop and waited for, while the thread that started it can still reap it.
 */
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";

/** Direct children of this process (Linux: `/proc/self/task/<tid>/children`), or [] elsewhere. */
function childPids(): number[] {
  const pids: number[] = [];
  try {
    for (const tid of readdirSync("/proc/self/task"))
      for (const p of readFileSync(`/proc/self/task/${tid}/children`, "utf8").split(" "))
        if (p.trim()) pids.push(Number(p));
  } catch {
    return [];
  }
  return pids;
}

function isEsbuildService(pid: number): boolean {
  try {
    const argv = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
    return /esbuild/.test(argv[0] ?? "") && argv.some((a) => a.startsWith("--service="));
  } catch {
    return false;
  }
}

function exists(pid: number): boolean {
  try {
    readFileSync(`/proc/${pid}/stat`);
    return true;
  } catch {
    return false;
  }
}

/**
 * Stops the esbuild service processes this process started and waits (at most `timeoutMs`) until
 * they are gone. Does nothing when esbuild was never loaded.
 *
 * @example
 * ```ts
 * await endEsbuildProcesses(); // then process.exit()
 * ```
 */
export async function endEsbuildProcesses(timeoutMs = 1000): Promise<void> {
  const cache = createRequire(import.meta.url).cache;
  if (!Object.keys(cache).some((k) => /[\\/]esbuild[\\/]lib[\\/]main\.js$/.test(k))) return;
  const pids = childPids().filter(isEsbuildService);
  for (const pid of pids) {
    try {
      process.kill(pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
  const deadline = Date.now() + timeoutMs;
  while (pids.some(exists) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
}
