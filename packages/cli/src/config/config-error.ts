import { WfcError } from "@wfc/sdk/internal";

/**
 * A project configuration that cannot be found, loaded or accepted; the message names the file
 * and the key (`wfc.config.ts: namespace: ...`). Code `E_CONFIG`.
 *
 * @example
 * ```ts
 * try { await projectConfig(); } catch (e) { if (e instanceof ConfigError) console.error(e.message); }
 * ```
 */
export class ConfigError extends WfcError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("E_CONFIG", message, options);
    this.name = "ConfigError";
  }
}
