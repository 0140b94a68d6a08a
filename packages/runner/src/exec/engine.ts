/**
 * Finding a container engine that works: `--engine PATH` / `WFC_ENGINE`, else `podman` or
 * `docker` on PATH. A binary is taken only when its engine answers (`<bin> info`): a Docker client
 * with no daemon behind it does not count.
 */
import { runCommand } from "./command.js";
import { ExecutorCodes, ExecutorError, NO_ENGINE_HINT } from "./errors.js";

/**
 * A container engine CLI that answered.
 *
 * @example
 * ```ts
 * const engine: ContainerEngine = { bin: "podman", kind: "podman", version: "podman version 4.3.1" };
 * ```
 */
export interface ContainerEngine {
  /** The binary (a name on PATH or a path). */
  readonly bin: string;
  /** Which CLI it is: podman supports `--rootfs`; `other` is a binary named by `--engine` that takes `docker run` arguments. */
  readonly kind: "podman" | "docker" | "other";
  /** The first line of `<bin> --version`. */
  readonly version: string;
}

/**
 * Options of {@link detectEngine}.
 *
 * @example
 * ```ts
 * await detectEngine({ engine: "/usr/local/bin/nerdctl" });
 * ```
 */
export interface DetectEngineOptions {
  /** A binary to use instead of looking for podman and docker. @default `WFC_ENGINE`, else none */
  readonly engine?: string;
  /** Environment (for `WFC_ENGINE` and PATH). @default process.env */
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * Asks one binary whether its engine answers; resolves with the engine, or the reason it does not.
 *
 * @example
 * ```ts
 * const r = await probeEngine("docker"); if (!("kind" in r)) console.log(r.reason);
 * ```
 */
export async function probeEngine(
  bin: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ContainerEngine | { readonly bin: string; readonly reason: string }> {
  const [info, version] = await Promise.all([
    runCommand(bin, ["info"], { env }),
    runCommand(bin, ["--version"], { env }),
  ]);
  if (info.code !== 0) {
    const reason = lastLine(info.stderr) || lastLine(info.stdout) || `exit code ${info.code}`;
    return { bin, reason };
  }
  const v = lastLine(version.stdout.split("\n")[0] ?? "") || bin;
  const kind = /podman/i.test(v) ? "podman" : /docker/i.test(v) ? "docker" : "other";
  return { bin, kind, version: v };
}

/**
 * Finds the engine to run containers with.
 *
 * @throws {ExecutorError} `E_RUN_NO_ENGINE` when none answers, with one line saying how to get one.
 * @example
 * ```ts
 * const engine = await detectEngine({ engine: process.env.WFC_ENGINE });
 * console.log(engine.bin, engine.kind);
 * ```
 */
export async function detectEngine(options: DetectEngineOptions = {}): Promise<ContainerEngine> {
  const env = options.env ?? process.env;
  const named = options.engine ?? (env.WFC_ENGINE || undefined);
  if (named) {
    const r = await probeEngine(named, env);
    if ("kind" in r) return r;
    throw new ExecutorError(
      ExecutorCodes.noEngine,
      `container engine ${named} does not answer (${r.reason}); ${NO_ENGINE_HINT}`,
    );
  }
  const tried: string[] = [];
  for (const bin of ["podman", "docker"]) {
    const r = await probeEngine(bin, env);
    if ("kind" in r) return r;
    tried.push(/ENOENT|not found/i.test(r.reason) ? `${bin}: not installed` : `${bin}: ${r.reason}`);
  }
  throw new ExecutorError(
    ExecutorCodes.noEngine,
    `no container engine answers (${tried.join("; ")}): ${NO_ENGINE_HINT}`,
  );
}

function lastLine(s: string): string {
  const lines = s
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  return lines[lines.length - 1] ?? "";
}
