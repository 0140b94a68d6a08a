/**
 * Errors raised by the cluster client.
 *
 * Every failure that reaches a user is a {@link ClusterError}: one line saying
 * what failed, the Kubernetes reason and what to do next. Tokens, URL credentials and secret query
 * parameters never appear in the message (it is passed through {@link redact}).
 */
import { redact } from "./redact.js";
import { WfcError } from "./wfc-error.js";

/**
 * Machine-readable reason of a {@link ClusterError}. Mirrors the Kubernetes
 * `Status.reason` values where one exists, plus transport failures.
 *
 * @example
 * ```ts
 * if (e instanceof ClusterError && (e.code satisfies ClusterErrorCode) === "NotFound") console.log("gone");
 * ```
 */
export type ClusterErrorCode =
  | "Unauthorized"
  | "Forbidden"
  | "NotFound"
  | "AlreadyExists"
  | "Conflict"
  | "Invalid"
  | "BadRequest"
  | "Gone"
  | "TooManyRequests"
  | "ServerError"
  | "ConnectionRefused"
  | "TLSError"
  | "Timeout"
  | "NetworkError"
  | "ConfigError"
  /** Getting the kubeconfig user's credentials failed (exec plugin, client certificate or key, token file). */
  | "CredentialError"
  /** The server answered 2xx with something that is not what the request asked for (an HTML login page, the wrong kind, a malformed list). */
  | "UnexpectedResponse";

/**
 * One field-level cause of an `Invalid` (422) error, as in `Status.details.causes`.
 *
 * @example
 * ```ts
 * for (const c of err.causes) console.error(`${c.field}: ${c.message}`);
 * ```
 */
export interface ClusterErrorCause {
  /** Field path, e.g. `spec.templates[0].container.image`. */
  readonly field?: string;
  /** Human-readable message for this field. */
  readonly message: string;
}

/**
 * Options for {@link ClusterError}.
 *
 * @example
 * ```ts
 * throw new ClusterError("Forbidden", "creating Workflow: forbidden", { status: 403 });
 * ```
 */
export interface ClusterErrorOptions {
  /** HTTP status code when the server answered. @default undefined */
  readonly status?: number;
  /** Field-level causes of a validation failure. @default [] */
  readonly causes?: readonly ClusterErrorCause[];
  /** Underlying error. @default undefined */
  readonly cause?: unknown;
}

/**
 * A failed cluster operation.
 *
 * @example
 * ```ts
 * try { await client.get("Workflow", "missing") }
 * catch (e) { if (e instanceof ClusterError && e.code === "NotFound") console.log("gone") }
 * ```
 */
export class ClusterError extends WfcError {
  /** Reason for the failure. */
  declare readonly code: ClusterErrorCode;
  /** HTTP status code, when the server answered. */
  readonly status: number | undefined;
  /** Field-level causes (for `Invalid`). */
  readonly causes: readonly ClusterErrorCause[];

  constructor(code: ClusterErrorCode, message: string, options: ClusterErrorOptions = {}) {
    super(code, redact(message), options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "ClusterError";
    this.status = options.status;
    this.causes = options.causes ?? [];
  }
}
