/**
 * How long a watch may last and how long it may be silent. Each watch request asks the server to end it
 * after `timeoutSeconds`; a stream that has sent nothing (no event, no bookmark) for 1.5 times as long is
 * abandoned as stalled (a proxy that holds the connection, a server that lost it), and the watch resumes
 * from the last resourceVersion it saw.
 */

/** The server-side and client-side limits of one watch request. @internal */
export interface WatchTiming {
  /** Sent as `timeoutSeconds` (whole seconds, at least 1). */
  readonly timeoutSeconds: number;
  /** Silence after which the client gives up on the stream, in milliseconds. */
  readonly idleMs: number;
}

/**
 * The timing for a watch timeout of `watchTimeoutMs` (0: no limits).
 *
 * @internal
 * @example
 * ```ts
 * watchTiming(60_000) // { timeoutSeconds: 60, idleMs: 90_000 }
 * ```
 */
export function watchTiming(watchTimeoutMs: number): WatchTiming {
  if (!watchTimeoutMs || watchTimeoutMs <= 0) return { timeoutSeconds: 0, idleMs: 0 };
  const timeoutSeconds = Math.max(1, Math.round(watchTimeoutMs / 1000));
  return { timeoutSeconds, idleMs: Math.round(Math.max(watchTimeoutMs, 1000) * 1.5) };
}
