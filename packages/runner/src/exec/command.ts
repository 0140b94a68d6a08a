/**
 * Running an engine's CLI: one call to completion (output captured), or one long call whose
 * stdout/stderr are split into lines as they come.
 */
import { spawn } from "node:child_process";

/** How one engine call ended. */
export interface CommandResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Options of {@link runCommand}. */
export interface RunCommandOptions {
  /** Called per complete line of output (the last one even without a newline). */
  readonly onLine?: (line: string, stream: "stdout" | "stderr") => void;
  /** Kills the process (SIGKILL) when aborted. */
  readonly signal?: AbortSignal;
  /** Environment. @default process.env */
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * Runs `bin args...` and resolves with its exit code and whole output (never rejects for a
 * non-zero exit; a binary that cannot be started gives code 127 and the reason on stderr).
 *
 * @example
 * ```ts
 * const { code, stdout } = await runCommand("podman", ["version", "--format", "{{.Server.Version}}"]);
 * ```
 */
export function runCommand(
  bin: string,
  args: readonly string[],
  options: RunCommandOptions = {},
): Promise<CommandResult> {
  return new Promise((resolve) => {
    const child = spawn(bin, args as string[], { stdio: ["ignore", "pipe", "pipe"], env: options.env ?? process.env });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const pending = { stdout: "", stderr: "" };
    const feed = (stream: "stdout" | "stderr", chunk: Buffer): void => {
      (stream === "stdout" ? out : err).push(chunk);
      if (!options.onLine) return;
      const text = pending[stream] + chunk.toString("utf8");
      const lines = text.split("\n");
      pending[stream] = lines.pop() ?? "";
      for (const l of lines) options.onLine(l, stream);
    };
    child.stdout.on("data", (c: Buffer) => feed("stdout", c));
    child.stderr.on("data", (c: Buffer) => feed("stderr", c));
    const onAbort = (): void => void child.kill("SIGKILL");
    options.signal?.addEventListener("abort", onAbort, { once: true });
    let spawnError: Error | undefined;
    child.on("error", (e) => (spawnError = e));
    child.on("close", (code, sig) => {
      options.signal?.removeEventListener("abort", onAbort);
      if (options.onLine) for (const s of ["stdout", "stderr"] as const) if (pending[s]) options.onLine(pending[s], s);
      const stderr = Buffer.concat(err).toString("utf8") + (spawnError ? `${spawnError.message}\n` : "");
      resolve({
        code: spawnError ? 127 : (code ?? (sig ? 128 + 9 : 1)),
        stdout: Buffer.concat(out).toString("utf8"),
        stderr,
      });
    });
  });
}
