/**
 * Base class of wfc errors (local copy until `@wfc/sdk` exports `WfcError`).
 */
export class WfcError extends Error {
  /** A stable, machine-readable code. */
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "WfcError";
    this.code = code;
  }
}
