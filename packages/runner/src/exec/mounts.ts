/** `--mount HOST:PATH[:ro]`: a host path bind-mounted into every container. */
import { isAbsolute, resolve } from "node:path";
import type { BindMount } from "./container-args.js";
import { ExecutorCodes, ExecutorError } from "./errors.js";

/**
 * Parses `HOST:PATH[:ro]` (HOST relative to the working directory).
 *
 * @throws {ExecutorError} `E_RUN_BAD_MOUNT` when PATH is missing or not absolute.
 * @example
 * ```ts
 * parseMount("./shims:/usr/local/sbin:ro") // { hostPath: "/abs/shims", containerPath: "/usr/local/sbin", readOnly: true }
 * ```
 */
export function parseMount(text: string): BindMount {
  const parts = text.split(":");
  const ro = parts.length === 3 && (parts[2] === "ro" || parts[2] === "rw");
  if (parts.length !== 2 && !ro)
    throw new ExecutorError(ExecutorCodes.badMount, `--mount "${text}" is not HOST:PATH or HOST:PATH:ro`);
  const [host, path] = parts as [string, string];
  if (!host || !path || !isAbsolute(path))
    throw new ExecutorError(
      ExecutorCodes.badMount,
      `--mount "${text}": PATH must be an absolute path in the container`,
    );
  return { hostPath: resolve(host), containerPath: path, readOnly: parts[2] === "ro" };
}
