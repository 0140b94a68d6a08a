import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, type RunResult, WFC } from "../helpers.js";

/** The result of one bounded run of the real `wfc` binary; `signal` is set when the bound killed it. */
export interface BoundedResult extends RunResult {
  readonly signal: NodeJS.Signals | null;
}

/**
 * Runs the real `wfc` binary with a time bound (default 30 s; the process is killed past it, so a
 * hang fails the test's exit-code assertion instead of stalling the suite).
 */
export function wfcBounded(
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string; timeoutMs?: number } = {},
): BoundedResult {
  const r = spawnSync(process.execPath, [WFC, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, NO_COLOR: "1", ...options.env },
    input: options.input,
    encoding: "utf8",
    maxBuffer: 1 << 28,
    timeout: options.timeoutMs ?? 30_000,
    killSignal: "SIGKILL",
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, signal: r.signal };
}

/** A fresh temporary directory under the OS's; `cleanup()` removes every one made. */
export function tmpDir(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), `wfc-${prefix}-`));
  made.push(d);
  return d;
}
const made: string[] = [];
/** Removes the directories {@link tmpDir} made (call it in `afterAll`). */
export function cleanup(): void {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** Writes `files` (relative name -> text) into `dir` and returns `dir`. */
export function writeFiles(dir: string, files: Record<string, string>): string {
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** A stack-trace line (`    at f (file:1:2)`), which no error output may hold without --verbose. */
export const STACK_LINE = /^\s+at .+[:(]/m;
