/**
 * Waiting for a workflow to finish, optionally showing live progress.
 */
import { isCompleted, type Workflow, type WorkflowClient } from "@wfc/client";
import { WorkflowFailed } from "./errors.js";
import { onInterrupt } from "./interrupt.js";
import { type ProgressStream, progressPrinter } from "./progress.js";
import type { NodeFilter } from "./tree.js";

/** Options of {@link waitForWorkflow}. */
export interface WaitOptions {
  /** Where to show progress; none means wait silently. @default undefined */
  readonly progress?: ProgressStream;
  /** Which nodes the progress shows. @default every node */
  readonly nodeFilter?: NodeFilter;
}

/**
 * Watches until the workflow completes; throws {@link WorkflowFailed} when it
 * did not succeed and exits with 130 on Ctrl-C.
 *
 * @example
 * ```ts
 * const wf = await waitForWorkflow(client, "hello-x7k2p", { progress: process.stdout });
 * ```
 */
export async function waitForWorkflow(
  client: WorkflowClient,
  name: string,
  options: WaitOptions = {},
): Promise<Workflow> {
  const intr = onInterrupt();
  const printer = options.progress ? progressPrinter(options.progress, options.nodeFilter) : undefined;
  let last: Workflow | undefined;
  try {
    const watch = client.watchWorkflow(name, {
      signal: intr.signal,
      onRetry: ({ reason, delayMs }) =>
        process.stderr.write(
          `warning: watch of ${name} interrupted (${reason}); reconnecting in ${(delayMs / 1000).toFixed(1)}s\n`,
        ),
    });
    for await (const wf of watch) {
      last = wf;
      printer?.update(wf);
      if (isCompleted(wf.status?.phase)) break;
    }
  } finally {
    intr.dispose();
  }
  printer?.finish(last);
  if (intr.interrupted()) {
    // like kubectl: Ctrl-C ends with 130, after the watch connection was closed cleanly
    process.stderr.write(`stopped watching ${name}; it keeps running (wfc get ${name})\n`);
    process.exit(130);
  }
  const phase = last?.status?.phase;
  if (!last || !isCompleted(phase))
    throw new WorkflowFailed(name, "state unknown", "the watch ended before the workflow completed");
  if (phase !== "Succeeded") throw new WorkflowFailed(name, String(phase), last.status?.message);
  return last;
}
