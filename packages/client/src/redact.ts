/**
 * What is never printed: bearer tokens, credentials in a URL's user-info part (`https://admin:TOKEN@host`)
 * and secret-looking query parameters (`?token=`, `?access_token=`, ...). Every {@link ClusterError}
 * message passes through {@link redact}; URLs shown in messages go through {@link safeUrl}.
 */

const SECRET_PARAMS =
  /([?&;](?:access_token|id_token|refresh_token|token|auth|password|passwd|secret|key|api[_-]?key|signature|sig|code)=)[^&\s#"'<>]+/gi;

/**
 * Removes bearer tokens, URL user-info and secret query parameters from a message.
 *
 * @example
 * ```ts
 * redact("GET https://admin:s3cr3t@host/x?token=abc failed: Bearer xyz")
 * // "GET https://<redacted>@host/x?token=<redacted> failed: Bearer <redacted>"
 * ```
 */
export function redact(s: string): string {
  return s
    .replace(/(bearer\s+)[A-Za-z0-9._~+/=-]+/gi, "$1<redacted>")
    .replace(/(basic\s+)[A-Za-z0-9+/=]{8,}/gi, "$1<redacted>")
    .replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^/?#\s@"'<>]+@/gi, "$1<redacted>@")
    .replace(SECRET_PARAMS, "$1<redacted>");
}

/**
 * A URL as it may be shown: without user-info and with secret query parameters replaced; a string that
 * does not parse as a URL is redacted as text.
 *
 * @example
 * ```ts
 * safeUrl("http://admin:TOKEN@127.0.0.1:8080/?token=x") // "http://<redacted>@127.0.0.1:8080/?token=<redacted>"
 * ```
 */
export function safeUrl(url: string): string {
  return redact(url);
}
