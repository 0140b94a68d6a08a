import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root. */
export const ROOT = fileURLToPath(new URL("..", import.meta.url));
/** The built `wfc` binary. */
export const WFC = join(ROOT, "packages/cli/bin/wfc.js");

/** The result of one run of the real `wfc` binary. */
export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the real `wfc` binary (built by `npm test` before vitest starts). */
export function wfc(
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {},
): RunResult {
  const r = spawnSync(process.execPath, [WFC, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, NO_COLOR: "1", ...options.env },
    input: options.input,
    encoding: "utf8",
    maxBuffer: 1 << 28,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
