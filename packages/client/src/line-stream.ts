/**
 * The streaming requests of both modes (watches, logs) read the same way: open the stream, turn a
 * failed connection or a non-2xx answer into a {@link ClusterError}, yield the body line by line, and
 * close the connection however the reader stops. An abort ends the stream quietly.
 */
import { type ErrorContext, httpError, transportError } from "./error-mapping.js";
import { ClusterError } from "./errors.js";
import { type HttpTarget, stream } from "./http-request.js";
import { safeUrl } from "./redact.js";
import { firstBytes } from "./response-shape.js";

/** Options of {@link streamLines}. @internal */
export interface LineStreamOptions {
  /** What is being read, for error messages. */
  readonly ctx: ErrorContext;
  /** Ends the stream without an error. */
  readonly signal: AbortSignal;
  /** Give up when the answer's headers take longer (0 = never). @default 0 */
  readonly connectTimeoutMs?: number;
  /** Give up when the body has sent nothing for this long (0 = never). @default 0 */
  readonly idleTimeoutMs?: number;
}

/**
 * The lines of a streaming GET of `pathAndQuery` (without the newline; empty lines included).
 *
 * @internal
 * @example
 * ```ts
 * for await (const line of streamLines(target, "/api/v1/namespaces/ci/pods/p/log?follow=true", { ctx, signal })) console.log(line);
 * ```
 */
export async function* streamLines(
  target: HttpTarget,
  pathAndQuery: string,
  options: LineStreamOptions,
): AsyncGenerator<string> {
  const { ctx, signal } = options;
  let s: Awaited<ReturnType<typeof stream>>;
  try {
    s = await stream(target, pathAndQuery, {
      signal,
      timeoutMs: options.connectTimeoutMs ?? 0,
      idleTimeoutMs: options.idleTimeoutMs ?? 0,
    });
  } catch (err) {
    if (signal.aborted) return;
    throw transportError(err, ctx);
  }
  if (!("lines" in s)) throw httpError(s.status, s.body, ctx);
  try {
    yield* s.lines;
  } catch (err) {
    if (signal.aborted) return;
    throw transportError(err, ctx);
  } finally {
    s.close();
  }
}

/**
 * The JSON messages of a stream that sends one per line; blank lines are skipped, a line that is not JSON
 * is an `UnexpectedResponse` error.
 *
 * @internal
 * @example
 * ```ts
 * for await (const ev of jsonLines<{ type: string }>(target, watchPath, { ctx, signal })) console.log(ev.type);
 * ```
 */
export async function* jsonLines<T>(
  target: HttpTarget,
  pathAndQuery: string,
  options: LineStreamOptions,
): AsyncGenerator<T> {
  for await (const line of streamLines(target, pathAndQuery, options)) {
    if (!line.trim()) continue;
    let msg: T;
    try {
      msg = JSON.parse(line) as T;
    } catch {
      // an HTML login page or another non-JSON answer: say so instead of waiting for events that never come
      throw new ClusterError(
        "UnexpectedResponse",
        `${options.ctx.action}: unexpected answer from ${safeUrl(target.baseUrl + pathAndQuery)}: expected one JSON event per line, got ${firstBytes(line)}; is the server address right (a proxy or login page)?`,
      );
    }
    yield msg;
  }
}
