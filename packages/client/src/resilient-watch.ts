/**
 * A watch that survives dropped connections: it resumes from the last
 * `resourceVersion` it saw, lists again when the server answers `410 Gone`
 * or after two stalled watches in a row (the transport's idle timeout), and
 * backs off between failed attempts. Aborting the signal ends it cleanly.
 */
import { ClusterError } from "./errors.js";
import type { KubeObject } from "./types.js";

/**
 * One event of a watch. `SYNC` is an object read by a (re)list.
 *
 * @example
 * ```ts
 * for await (const ev of resilientWatch(source)) if (ev.type === "DELETED") break;
 * ```
 */
export interface WatchEvent<T extends KubeObject = KubeObject> {
  readonly type: "SYNC" | "ADDED" | "MODIFIED" | "DELETED";
  readonly object: T;
}

/**
 * What a transport must provide for {@link resilientWatch}.
 *
 * @example
 * ```ts
 * const events = resilientWatch({ list: () => client.list("Workflow"), watch: (rv, signal) => openWatch(rv, signal) });
 * ```
 */
export interface WatchSource<T extends KubeObject = KubeObject> {
  /** Lists the current objects and the collection's resourceVersion. */
  list(signal: AbortSignal): Promise<{ readonly items: readonly T[]; readonly resourceVersion: string }>;
  /**
   * Streams changes after `resourceVersion`, calling `onEvent` for each one.
   * Resolves when the server closes the stream; rejects on errors, with a
   * `ClusterError` whose code is `Gone` when the resourceVersion is too old.
   */
  watch(
    resourceVersion: string,
    signal: AbortSignal,
    onEvent: (event: WatchEvent<T> | { readonly type: "BOOKMARK"; readonly resourceVersion: string }) => void,
  ): Promise<void>;
}

/**
 * Options for {@link resilientWatch}.
 *
 * @example
 * ```ts
 * resilientWatch(source, { maxBackoffMs: 5_000, maxFailures: 8 });
 * ```
 */
export interface ResilientWatchOptions {
  /** Stops the watch. @default undefined (runs until the consumer stops iterating) */
  readonly signal?: AbortSignal;
  /** First retry delay in milliseconds; doubles on each failure. @default 250 */
  readonly initialBackoffMs?: number;
  /** Longest retry delay in milliseconds. @default 5000 */
  readonly maxBackoffMs?: number;
  /** Consecutive failures before giving up with the last error. @default 8 */
  readonly maxRetries?: number;
  /** Called before each retry, e.g. to tell the user the connection dropped. @default undefined */
  readonly onRetry?: (info: { readonly reason: string; readonly delayMs: number; readonly attempt: number }) => void;
}

const FATAL = new Set([
  "Unauthorized",
  "Forbidden",
  "NotFound",
  "Invalid",
  "BadRequest",
  "ConfigError",
  "CredentialError",
  "UnexpectedResponse",
]);

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done(): void {
      clearTimeout(t);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}

/**
 * Watches a collection forever (until aborted or the consumer stops), yielding
 * every object from an initial list, then every change.
 *
 * @example
 * ```ts
 * for await (const ev of resilientWatch(source, { signal })) console.log(ev.type, ev.object.metadata?.name);
 * ```
 */
export async function* resilientWatch<T extends KubeObject>(
  source: WatchSource<T>,
  options: ResilientWatchOptions = {},
): AsyncGenerator<WatchEvent<T>> {
  const initial = options.initialBackoffMs ?? 250;
  const max = options.maxBackoffMs ?? 5000;
  const maxRetries = options.maxRetries ?? 8;
  const inner = new AbortController();
  const onOuterAbort = (): void => inner.abort();
  options.signal?.addEventListener("abort", onOuterAbort, { once: true });
  const signal = inner.signal;

  const queue: WatchEvent<T>[] = [];
  let wake: (() => void) | undefined;
  const notify = (): void => {
    const w = wake;
    wake = undefined;
    w?.();
  };

  let rv: string | undefined;
  let failures = 0;
  let relistedAfterGone = false;
  let finished = false;
  let fatal: unknown;

  const pump = async (): Promise<void> => {
    while (!signal.aborted) {
      let progressed = false;
      try {
        if (rv === undefined) {
          const listed = await source.list(signal);
          for (const item of listed.items) queue.push({ type: "SYNC", object: item });
          rv = listed.resourceVersion;
          progressed = true;
          notify();
        }
        const started = Date.now();
        await source.watch(rv, signal, (ev) => {
          if (ev.type === "BOOKMARK") {
            rv = ev.resourceVersion;
            return;
          }
          const v = ev.object.metadata?.resourceVersion;
          if (v) rv = v;
          progressed = true;
          relistedAfterGone = false;
          queue.push(ev);
          notify();
        });
        if (signal.aborted) break;
        // a clean close is normal (server-side timeout); only count it if nothing happened quickly
        if (progressed || Date.now() - started > 1000) {
          failures = 0;
          continue;
        }
        throw new Error("watch closed by the server");
      } catch (err) {
        if (signal.aborted) break;
        if (err instanceof ClusterError && err.code === "Gone") {
          // our resourceVersion is too old: list again, right away the first time
          rv = undefined;
          if (!relistedAfterGone) {
            relistedAfterGone = true;
            continue;
          }
        } else if (err instanceof ClusterError && err.code === "Timeout" && !progressed && failures >= 1) {
          // a second stalled watch in a row: the server may never send what the resumed watch waits for;
          // list again (the current state) and watch from there
          rv = undefined;
        } else if (err instanceof ClusterError && FATAL.has(err.code)) {
          fatal = err;
          break;
        } else if (progressed) {
          failures = 0;
        }
        failures++;
        if (failures > maxRetries) {
          fatal = err;
          break;
        }
        const delay = Math.min(max, initial * 2 ** (failures - 1));
        const jittered = Math.round(delay * (0.8 + Math.random() * 0.4));
        options.onRetry?.({
          reason: err instanceof Error ? err.message : String(err),
          delayMs: jittered,
          attempt: failures,
        });
        await sleep(jittered, signal);
      }
    }
  };

  const done = pump().then(
    () => {
      finished = true;
      notify();
    },
    (err: unknown) => {
      fatal = err;
      finished = true;
      notify();
    },
  );

  try {
    for (;;) {
      while (queue.length > 0) {
        const ev = queue.shift();
        if (ev) yield ev;
      }
      if (finished) break;
      await new Promise<void>((resolve) => {
        wake = resolve;
        if (queue.length > 0 || finished) notify();
      });
    }
    if (fatal !== undefined) throw fatal;
  } finally {
    inner.abort();
    options.signal?.removeEventListener("abort", onOuterAbort);
    await done;
  }
}
