import { AuthoringError } from "@wfc/sdk";

/**
 * Throws an {@link AuthoringError} with an `E_EVENTS_*` code.
 *
 * @example
 * ```ts
 * if (!deps.has(name)) fail("E_EVENTS_UNKNOWN_DEPENDENCY", `no dependency "${name}"`);
 * ```
 */
export function fail(code: string, message: string): never {
  throw new AuthoringError(code, message);
}
