/** A counting semaphore (FIFO), for `parallelism` and `synchronization`. */
export class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(public limit: number) {}
  /** Resolves when a slot is held; call the returned function once to release it. */
  async acquire(): Promise<() => void> {
    if (this.active < this.limit) {
      this.active++;
    } else {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    };
  }
  /** Slots free right now. */
  get available(): number {
    return this.limit - this.active;
  }
  /** Whether a slot is free right now. */
  get free(): boolean {
    return this.active < this.limit;
  }
}
