/**
 * Turns HTTP answers and transport failures into one-line {@link ClusterError}s:
 * what failed, the Kubernetes reason, and what to do.
 */
import { ClusterError, type ClusterErrorCause, type ClusterErrorCode } from "./errors.js";
import { redact } from "./redact.js";

export { redact } from "./redact.js";

/** What was being done when an error happened; used to write the message. */
export interface ErrorContext {
  /** What failed, e.g. `creating Workflow "hello-" in namespace "argo"`. */
  readonly action: string;
  /** Server URL, for connection errors. */
  readonly server: string;
  /** Namespace, for RBAC hints. @default undefined */
  readonly namespace?: string;
  /** Hint naming the credentials in use, e.g. `context "kind-dev"` or `the Argo Server token`. */
  readonly credentials: string;
  /** Verb and resource for RBAC hints, e.g. `create workflows`. @default undefined */
  readonly permission?: string;
  /** Where the server address came from, for connection errors, e.g. `--argo-server (or ARGO_SERVER)`. @default `credentials` */
  readonly address?: string;
}

/** Longest server message kept in an error; the rest is cut, saying how much. */
const MAX_SERVER_MESSAGE = 300;

/** `s` cut to `max` characters, saying how many bytes were cut. @internal */
export function cut(s: string, max = MAX_SERVER_MESSAGE): string {
  if (s.length <= max) return s;
  const kept = s.slice(0, max);
  return `${kept}... (${Buffer.byteLength(s) - Buffer.byteLength(kept)} more bytes cut)`;
}

const TLS_CODES = new Set([
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "CERT_HAS_EXPIRED",
  "CERT_NOT_YET_VALID",
  "CERT_UNTRUSTED",
  "CERT_SIGNATURE_FAILURE",
  "ERR_TLS_CERT_ALTNAME_INVALID",
  "EPROTO",
  "ERR_SSL_WRONG_VERSION_NUMBER",
]);

const REASONS: Record<number, ClusterErrorCode> = {
  400: "BadRequest",
  401: "Unauthorized",
  403: "Forbidden",
  404: "NotFound",
  409: "AlreadyExists",
  410: "Gone",
  422: "Invalid",
  429: "TooManyRequests",
};

/** A Kubernetes `Status` object (the body of an error answer). */
interface KubeStatus {
  readonly kind?: string;
  readonly status?: string;
  readonly message?: string;
  readonly reason?: string;
  readonly code?: number;
  readonly details?: {
    readonly name?: string;
    readonly kind?: string;
    readonly causes?: readonly { field?: string; message?: string }[];
  };
}

function asStatus(body: unknown): KubeStatus | undefined {
  if (body && typeof body === "object") return body as KubeStatus;
  if (typeof body === "string") {
    try {
      const parsed: unknown = JSON.parse(body);
      if (parsed && typeof parsed === "object") return parsed as KubeStatus;
    } catch {
      const text = body.trim();
      if (!text) return undefined;
      // an HTML error page: its text, without the markup
      const plain = /^<(!doctype|html|\?xml)|<\/(html|body|head|div|p)>/i.test(text)
        ? text
            .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, " ")
            .replace(/<[^>]*>/g, " ")
            .replace(/\s+/g, " ")
            .trim()
        : text;
      return { message: plain.replace(/\s+/g, " ") };
    }
  }
  return undefined;
}

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, " ").trim();
}

/**
 * Builds the error for an HTTP answer that is not 2xx.
 *
 * @example
 * ```ts
 * throw httpError(404, statusBody, { action: 'getting Workflow "x"', server, credentials: 'context "dev"' });
 * ```
 */
export function httpError(status: number, body: unknown, ctx: ErrorContext): ClusterError {
  const st = asStatus(body);
  let code: ClusterErrorCode = REASONS[status] ?? (status >= 500 ? "ServerError" : "BadRequest");
  if (status === 409 && st?.reason === "Conflict") code = "Conflict";
  const reason = `${code} (${status})`;
  const rawMsg = st?.message ? cut(oneLine(String(st.message))) : "";
  // a bare "Unauthorized" repeats the reason
  const serverMsg = rawMsg.replace(/[\s.]/g, "").toLowerCase() === code.toLowerCase() ? "" : rawMsg;
  const causes: ClusterErrorCause[] = (st?.details?.causes ?? [])
    .filter((c) => c.message)
    .map((c) => (c.field ? { field: c.field, message: String(c.message) } : { message: String(c.message) }));
  const ns = ctx.namespace ? ` in namespace "${ctx.namespace}"` : "";
  let hint: string;
  switch (code) {
    case "Unauthorized":
      hint = `the server did not accept the credentials of ${ctx.credentials}; log in again or refresh the token`;
      break;
    case "Forbidden":
      hint = `ask a cluster admin to grant ${ctx.permission ? `"${ctx.permission}"` : "access"}${ns} (see the Role in docs/cluster.md)`;
      break;
    case "NotFound":
      hint =
        st?.details?.name || /not found/.test(serverMsg)
          ? `check the name and namespace (wfc list${ctx.namespace ? ` -n ${ctx.namespace}` : ""})`
          : "is Argo Workflows installed on this cluster? (kubectl get crd workflows.argoproj.io)";
      break;
    case "AlreadyExists":
      hint = "pick another name, use metadata.generateName, or run wfc apply to update it";
      break;
    case "Conflict":
      hint = "the object changed while it was being updated; run the command again";
      break;
    case "Invalid":
      hint = "fix the manifest and try again";
      break;
    case "TooManyRequests":
      hint = "the server is throttling requests; wait and try again";
      break;
    case "Gone":
      hint = "the data expired on the server; run the command again";
      break;
    default:
      hint = status >= 500 ? "the server failed; try again or check its logs" : "check the request";
  }
  const fieldText = causes.length
    ? causes.map((c) => (c.field ? `${c.field}: ${c.message}` : c.message)).join("; ")
    : "";
  const detail =
    fieldText && !serverMsg.includes(fieldText) ? `${serverMsg}${serverMsg ? ": " : ""}${fieldText}` : serverMsg;
  const message = redact(`${ctx.action}: ${reason}${detail ? `: ${detail}` : ""}; ${hint}`);
  return new ClusterError(code, message, { status, causes });
}

function errCode(err: unknown): string | undefined {
  let e: unknown = err;
  for (let i = 0; i < 4 && e && typeof e === "object"; i++) {
    const c = (e as { code?: unknown }).code;
    if (typeof c === "string") return c;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

function errMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * Builds the error for a request that got no HTTP answer: connection refused,
 * TLS failure, timeout or another network error. Returns `ClusterError`s unchanged.
 *
 * @example
 * ```ts
 * try { await fetchSomething() } catch (e) { throw transportError(e, ctx) }
 * ```
 */
export function transportError(err: unknown, ctx: ErrorContext): ClusterError {
  if (err instanceof ClusterError) return err;
  const code = errCode(err);
  const msg = oneLine(errMessage(err));
  if (code === "ECONNREFUSED") {
    return new ClusterError(
      "ConnectionRefused",
      `${ctx.action}: cannot connect to ${ctx.server}: connection refused; is the server running, and is the server address of ${ctx.address ?? ctx.credentials} right?`,
      { cause: err },
    );
  }
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") {
    return new ClusterError(
      "NetworkError",
      `${ctx.action}: cannot resolve the host of ${ctx.server} (${code}); check the server address of ${ctx.credentials}`,
      { cause: err },
    );
  }
  if (
    (code && (TLS_CODES.has(code) || code.startsWith("ERR_TLS") || code.startsWith("ERR_SSL"))) ||
    /certificate|SSL|TLS/i.test(msg)
  ) {
    return new ClusterError(
      "TLSError",
      `${ctx.action}: TLS handshake with ${ctx.server} failed (${code ?? "TLS"}: ${msg}); provide the server's CA (certificate-authority in the kubeconfig, or --ca-file) or, if you trust the network, --insecure-skip-tls-verify`,
      { cause: err },
    );
  }
  if (err instanceof Error && err.name === "StreamIdleError") {
    return new ClusterError(
      "Timeout",
      `${ctx.action}: the stream from ${ctx.server} stalled (${msg}); raise --watch-timeout if the server is only quiet`,
      { cause: err },
    );
  }
  if (
    code === "ETIMEDOUT" ||
    (err instanceof Error &&
      (err.name === "TimeoutError" || err.name === "AbortError" || /timed? ?out/i.test(err.message)))
  ) {
    return new ClusterError(
      "Timeout",
      `${ctx.action}: timed out waiting for ${ctx.server} (${msg}); the server is slow or unreachable: check the network, or raise --request-timeout`,
      { cause: err },
    );
  }
  return new ClusterError(
    "NetworkError",
    redact(
      `${ctx.action}: request to ${ctx.server} failed (${code ? `${code}: ` : ""}${msg}); check the network and the server address`,
    ),
    { cause: err },
  );
}
