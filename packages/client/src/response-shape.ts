/**
 * Every 2xx answer is checked for what the request expects before it is believed: JSON, an object of the
 * kind asked for with a name, a list with an `items` array. A proxy's HTML login page answered with 200, a
 * JSON document of another shape or a malformed list becomes an `UnexpectedResponse` {@link ClusterError}
 * naming the URL (without credentials) and what came back (content type, size, first bytes), never a
 * false success.
 */
import type { ErrorContext } from "./error-mapping.js";
import { ClusterError } from "./errors.js";
import type { HttpResponse } from "./http-request.js";
import { safeUrl } from "./redact.js";
import type { KubeObject } from "./types.js";

const FIRST_BYTES = 80;

/**
 * The first bytes of a body, printable: whitespace collapsed, control characters as `\xNN`, cut to `max`
 * characters with the number of bytes left out.
 *
 * @internal
 * @example
 * ```ts
 * firstBytes("<html>\n<body>Sign in</body></html>", 12) // '"<html> <body" (and 21 more bytes)'
 * ```
 */
export function firstBytes(text: string, max = FIRST_BYTES): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const cut = flat.slice(0, max);
  let shown = "";
  for (const c of cut) {
    const n = c.charCodeAt(0);
    shown += n < 0x20 || (n >= 0x7f && n <= 0x9f) || n === 0xfffd ? `\\x${n.toString(16).padStart(2, "0")}` : c;
  }
  const rest = Buffer.byteLength(flat) - Buffer.byteLength(cut);
  return `${JSON.stringify(shown)}${rest > 0 ? ` (and ${rest} more bytes)` : ""}`;
}

/**
 * What a request expects back (`RawRequest.expect`, `client.raw()`'s): an object of a kind, with a name
 * (`kindOptional`: the Argo Server leaves `kind` out of the objects it returns), a list of a
 * kind's objects, or any JSON.
 *
 * @example
 * ```ts
 * const want: Expectation = { shape: "object", kind: "Workflow", kindOptional: true, name: "etl-abc" };
 * ```
 */
export type Expectation =
  | { readonly shape: "object"; readonly kind: string; readonly name?: string; readonly kindOptional?: boolean }
  | { readonly shape: "list"; readonly kind: string; readonly itemsOptional?: boolean }
  | { readonly shape: "any-json" };

function describe(res: HttpResponse): string {
  const type = res.contentType || "no content type";
  return `${res.status}, ${type}, ${Buffer.byteLength(res.text)} bytes: ${firstBytes(res.text)}`;
}

function unexpected(ctx: ErrorContext, url: string, wanted: string, res: HttpResponse, extra = ""): ClusterError {
  const html = /html/.test(res.contentType ?? "") || /^\s*<(!doctype|html)/i.test(res.text);
  const hint = html
    ? "a proxy or login page answered instead of the API server: check the server address, or log in through the proxy"
    : "is the server address right, and is it the API it should be?";
  return new ClusterError(
    "UnexpectedResponse",
    `${ctx.action}: unexpected answer from ${safeUrl(url)}: expected ${wanted}, got ${extra}${describe(res)}; ${hint}`,
    { status: res.status },
  );
}

function kindOf(v: unknown): string | undefined {
  const k = (v as { kind?: unknown } | null)?.kind;
  return typeof k === "string" ? k : undefined;
}

/**
 * Returns the body of a 2xx answer when it has the expected shape, else throws `UnexpectedResponse`.
 *
 * @internal
 * @example
 * ```ts
 * const wf = expectShape<Workflow>(res, ctx, url, { shape: "object", kind: "Workflow" });
 * ```
 */
export function expectShape<T>(res: HttpResponse, ctx: ErrorContext, url: string, want: Expectation): T {
  const wanted =
    want.shape === "object" ? `a ${want.kind} as JSON` : want.shape === "list" ? `a ${want.kind} list as JSON` : "JSON";
  if (!res.json) return fail("");
  const body = res.body;
  if (want.shape === "any-json") return body as T;
  if (!body || typeof body !== "object" || Array.isArray(body)) return fail("JSON that is not an object: ");
  const kind = kindOf(body);
  if (want.shape === "object") {
    if (kind !== want.kind && !(want.kindOptional && kind === undefined)) {
      return fail(kind ? `kind ${JSON.stringify(kind.slice(0, 60))}: ` : "an object without kind: ");
    }
    const name = (body as KubeObject).metadata?.name;
    if (typeof name !== "string" || !name) return fail("an object without metadata.name: ");
    if (want.name && name !== want.name) return fail(`an object named ${JSON.stringify(name.slice(0, 80))}: `);
    return body as T;
  }
  const listKind = `${want.kind}List`;
  if (kind !== undefined && kind !== listKind) return fail(`kind ${JSON.stringify(kind.slice(0, 60))}: `);
  const items = (body as { items?: unknown }).items;
  const meta = (body as { metadata?: unknown }).metadata;
  if (kind === undefined && (!meta || typeof meta !== "object")) return fail("an object that is not a list: ");
  if (items === undefined || items === null) {
    if (want.itemsOptional) return { ...body, items: [] } as T;
    return fail("a list without items: ");
  }
  if (!Array.isArray(items)) return fail("a list whose items are not an array: ");
  for (let i = 0; i < items.length; i++) {
    const it = items[i] as KubeObject | null;
    const n = it?.metadata?.name;
    if (!it || typeof it !== "object" || typeof n !== "string" || !n) {
      return fail(`a list whose item ${i} has no metadata.name: `);
    }
  }
  return body as T;

  function fail(what: string): never {
    throw unexpected(ctx, url, wanted, res, what);
  }
}
