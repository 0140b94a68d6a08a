import { WfcError } from "@wfc/sdk";

/**
 * An executor could not run pods at all: no working container engine, a `--engine` binary that
 * does not answer, a bad `--image-map`. `code` is stable.
 *
 * @example
 * ```ts
 * try { await detectEngine(); } catch (e) { if (e instanceof ExecutorError) console.error(e.message); }
 * ```
 */
export class ExecutorError extends WfcError {
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = "ExecutorError";
  }
}

/**
 * Stable codes of {@link ExecutorError}.
 *
 * @example
 * ```ts
 * if (e instanceof ExecutorError && e.code === ExecutorCodes.noEngine) console.error(e.message);
 * ```
 */
export const ExecutorCodes = {
  noEngine: "E_RUN_NO_ENGINE",
  badImageMap: "E_RUN_BAD_IMAGE_MAP",
  badMount: "E_RUN_BAD_MOUNT",
} as const;

/**
 * The one line shown when a workflow needs containers and no engine answers.
 *
 * @example
 * ```ts
 * console.error(`no container engine: ${NO_ENGINE_HINT}`);
 * ```
 */
export const NO_ENGINE_HINT =
  "install podman (https://podman.io/docs/installation) or Docker (https://docs.docker.com/get-docker/) and start it, or name a binary that takes `docker run` arguments with --engine PATH (or WFC_ENGINE)";
