import { WfcError } from "@wfc/sdk";

/**
 * Thrown when an input file cannot be read or loaded.
 *
 * @example
 * ```ts
 * try { await loadManifests(["missing.ts"]); } catch (e) { if (e instanceof InputError) console.error(e.message); }
 * ```
 */
export class InputError extends WfcError {
  constructor(message: string, options?: { cause?: unknown }, code = "E_INPUT") {
    super(code, message, options);
    this.name = "InputError";
  }
}
