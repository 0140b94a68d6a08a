/**
 * Kubernetes `Warning` response headers (RFC 7234 form `299 - "text"`), as the API server sends
 * them for dropped unknown fields (`fieldValidation=Warn`) and deprecated APIs.
 */

/**
 * The texts of a `Warning` header value; several warnings may be joined by commas.
 *
 * @example
 * ```ts
 * parseWarnings('299 - "unknown field \\"spec.x\\""') // ['unknown field "spec.x"']
 * ```
 */
export function parseWarnings(header: string | readonly string[]): string[] {
  const out: string[] = [];
  for (const value of typeof header === "string" ? [header] : header) {
    const re = /\d{3} \S+ "((?:[^"\\]|\\.)*)"/g;
    let m: RegExpExecArray | null;
    let any = false;
    while ((m = re.exec(value))) {
      any = true;
      out.push(m[1]!.replace(/\\(.)/g, "$1"));
    }
    if (!any && value.trim()) out.push(value.trim());
  }
  return out;
}
