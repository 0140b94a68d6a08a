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

/**
 * Type-checks files with the repository's TypeScript under `--strict` and NodeNext resolution (what
 * a user's strict project does), without emitting: the documentation tests use it on extracted
 * examples.
 */
export function tscStrict(files: readonly string[]): RunResult {
  const tsc = join(ROOT, "node_modules/typescript/bin/tsc");
  const args = ["--noEmit", "--strict", "--module", "nodenext", "--moduleResolution", "nodenext"];
  args.push("--target", "es2022", "--skipLibCheck", "--types", "node");
  const r = spawnSync(process.execPath, [tsc, ...args, ...files], { cwd: ROOT, encoding: "utf8" });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
