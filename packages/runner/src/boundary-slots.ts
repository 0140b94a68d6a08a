import type { RunState } from "./run-state.js";
import { Semaphore } from "./semaphore.js";

/**
 * A child refused by `checkParallelism`: its boundary has `failFast` and a failed or errored child,
 * so it never starts (Argo creates no node for it).
 */
export class NotStarted extends Error {
  constructor(readonly boundaryId: string) {
    super(`not started: boundary ${boundaryId} has failed children and failFast enabled`);
    this.name = "NotStarted";
  }
}

/**
 * Template `parallelism`: registers the boundary node's limit (active Pod/Steps/DAG children), and
 * whether the template has `failFast` (children waiting for a slot then never start after a failure).
 */
export function registerBoundary(
  run: RunState,
  boundaryId: string,
  parallelism: number | undefined,
  failFast = false,
): void {
  if (parallelism && parallelism > 0) run.boundarySlots.set(boundaryId, new Semaphore(parallelism));
  if (failFast) run.failFastBoundaries.add(boundaryId);
}

/** `getUnsuccessfulChildren(boundaryID) > 0` for a failFast boundary: throws {@link NotStarted}. */
export function refuseAfterFailure(run: RunState, boundaryId: string | undefined): void {
  if (!boundaryId || !run.failFastBoundaries.has(boundaryId)) return;
  for (const n of run.tree.nodes.values())
    if (n.boundaryID === boundaryId && (n.phase === "Failed" || n.phase === "Error")) throw new NotStarted(boundaryId);
}

/**
 * Holds a slot of the boundary's parallelism (if it has one) while `fn` runs; once the slot is held,
 * a failFast boundary with a failed child refuses to start `fn` ({@link NotStarted}).
 */
export async function withBoundarySlot<T>(
  run: RunState,
  boundaryId: string | undefined,
  fn: () => Promise<T>,
): Promise<T> {
  const sem = boundaryId ? run.boundarySlots.get(boundaryId) : undefined;
  if (!sem) {
    refuseAfterFailure(run, boundaryId);
    return fn();
  }
  const release = await sem.acquire();
  try {
    refuseAfterFailure(run, boundaryId);
    return await fn();
  } finally {
    release();
  }
}
