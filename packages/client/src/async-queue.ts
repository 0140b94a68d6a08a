/**
 * A small push/pull queue that turns callbacks and concurrent producers into
 * one async iterable.
 */

/**
 * Values pushed by producers, read by one consumer with `for await`.
 *
 * @example
 * ```ts
 * const q = new AsyncQueue<string>();
 * setTimeout(() => { q.push("a"); q.end(); });
 * for await (const v of q) console.log(v);
 * ```
 */
export class AsyncQueue<T> implements AsyncIterable<T> {
  private readonly items: T[] = [];
  private waiter: (() => void) | undefined;
  private ended = false;
  private failure: { readonly error: unknown } | undefined;

  /** Adds a value (ignored after {@link end}). */
  push(value: T): void {
    if (this.ended) return;
    this.items.push(value);
    this.wake();
  }

  /** Ends the stream, optionally with an error the consumer will throw. */
  end(error?: unknown): void {
    if (this.ended) return;
    this.ended = true;
    if (error !== undefined) this.failure = { error };
    this.wake();
  }

  private wake(): void {
    const w = this.waiter;
    this.waiter = undefined;
    w?.();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    for (;;) {
      while (this.items.length > 0) yield this.items.shift() as T;
      if (this.ended) {
        if (this.failure) throw this.failure.error;
        return;
      }
      await new Promise<void>((resolve) => {
        this.waiter = resolve;
      });
    }
  }
}
