import type { Clock } from "./clock.js";

/**
 * A {@link Clock} whose time only moves when everything that is pending waits on it.
 *
 * @example
 * ```ts
 * const clock: VirtualClock = virtualClock();
 * await execute(wf, { executor, clock });
 * console.log(clock.elapsed()); // virtual milliseconds the run took (backoffs, suspends, deadlines)
 * ```
 */
export interface VirtualClock extends Clock {
  /** Milliseconds of virtual time elapsed since creation. */
  elapsed(): number;
  /** Keeps time still until `work` settles (real I/O the clock cannot see, e.g. the scheduler's file writes). */
  hold<T>(work: Promise<T>): Promise<T>;
}

/** Whether a clock is a {@link VirtualClock} (has `hold`). */
export function holdsTime(clock: Clock): clock is VirtualClock {
  return typeof (clock as Partial<VirtualClock>).hold === "function";
}

/**
 * A virtual clock for tests: `sleep` resolves in virtual time, and time jumps to the next timer as
 * soon as the process has nothing else to do (checked after pending I/O and promise jobs with
 * `setImmediate`), so a retry backoff of an hour takes microseconds.
 *
 * @example
 * ```ts
 * const clock = virtualClock();
 * const result = await execute(wf, { executor, clock });
 * ```
 */
export function virtualClock(start = Date.UTC(2026, 0, 1)): VirtualClock {
  let now = start;
  let seq = 0;
  const timers: { at: number; seq: number; resolve: () => void }[] = [];
  let scheduled = false;
  let held = 0;
  // Advance only after several idle turns, so that work queued behind I/O callbacks runs first.
  const idleTurns = 3;
  const tick = (turn: number) => {
    scheduled = false;
    if (timers.length === 0 || held > 0) return;
    if (turn < idleTurns) {
      scheduled = true;
      setImmediate(() => tick(turn + 1));
      return;
    }
    timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
    const next = timers[0]!;
    now = Math.max(now, next.at);
    while (timers.length > 0 && timers[0]!.at <= now) timers.shift()!.resolve();
    schedule();
  };
  const schedule = () => {
    if (scheduled || timers.length === 0) return;
    scheduled = true;
    setImmediate(() => tick(0));
  };
  return {
    now: () => now,
    elapsed: () => now - start,
    hold(work) {
      held++;
      const done = () => {
        held--;
        if (held === 0) schedule();
      };
      work.then(done, done);
      return work;
    },
    sleep(ms, signal) {
      return new Promise<void>((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        const entry = {
          at: now + Math.max(0, ms),
          seq: seq++,
          resolve: () => {
            signal?.removeEventListener("abort", onAbort);
            resolve();
          },
        };
        const onAbort = () => {
          const i = timers.indexOf(entry);
          if (i >= 0) timers.splice(i, 1);
          reject(signal?.reason);
        };
        signal?.addEventListener("abort", onAbort, { once: true });
        timers.push(entry);
        schedule();
      });
    },
  };
}
