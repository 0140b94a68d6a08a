/**
 * Time as the runner sees it. The scheduler never calls `Date.now()` or `setTimeout` directly:
 * retries' backoff, `suspend` durations, `activeDeadlineSeconds` and `timeout` all go through a
 * clock, so that tests can run them on a virtual one in milliseconds.
 *
 * @example
 * ```ts
 * const clock: Clock = virtualClock();
 * await clock.sleep(60_000); // returns at once, clock.now() moved a minute
 * ```
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms` (rejects with the signal's reason when it aborts first). */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/**
 * The machine's clock.
 *
 * @example
 * ```ts
 * await execute(wf, { executor, clock: realClock });
 * ```
 */
export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const t = setTimeout(() => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      }, ms);
      const onAbort = () => {
        clearTimeout(t);
        reject(signal?.reason);
      };
      signal?.addEventListener("abort", onAbort, { once: true });
    }),
};
