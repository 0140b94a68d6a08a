import type { RunState } from "./run-state.js";
import { Semaphore } from "./semaphore.js";

/** Template `parallelism`: registers the boundary node's limit (active Pod/Steps/DAG children). */
export function registerBoundary(run: RunState, boundaryId: string, parallelism: number | undefined): void {
  if (parallelism && parallelism > 0) run.boundarySlots.set(boundaryId, new Semaphore(parallelism));
}

/** Holds a slot of the boundary's parallelism (if it has one) while `fn` runs. */
export async function withBoundarySlot<T>(
  run: RunState,
  boundaryId: string | undefined,
  fn: () => Promise<T>,
): Promise<T> {
  const sem = boundaryId ? run.boundarySlots.get(boundaryId) : undefined;
  if (!sem) return fn();
  const release = await sem.acquire();
  try {
    return await fn();
  } finally {
    release();
  }
}
