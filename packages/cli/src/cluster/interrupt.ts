/**
 * Ctrl-C handling for long-running cluster commands: the first SIGINT aborts
 * the signal so watches and log streams end cleanly; a second one exits at once.
 */

/** An abort signal tied to SIGINT/SIGTERM, and a disposer. */
export interface Interrupt {
  readonly signal: AbortSignal;
  /** True when the user pressed Ctrl-C. */
  readonly interrupted: () => boolean;
  dispose(): void;
}

/**
 * Listens for Ctrl-C until disposed.
 *
 * @example
 * ```ts
 * const intr = onInterrupt();
 * try { for await (const wf of client.watchWorkflow(name, { signal: intr.signal })) ... } finally { intr.dispose(); }
 * ```
 */
export function onInterrupt(): Interrupt {
  const controller = new AbortController();
  let count = 0;
  const handler = (): void => {
    count++;
    if (count > 1) process.exit(130);
    controller.abort();
  };
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
  return {
    signal: controller.signal,
    interrupted: () => count > 0,
    dispose() {
      process.off("SIGINT", handler);
      process.off("SIGTERM", handler);
    },
  };
}
