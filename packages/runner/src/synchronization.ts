import type { Template } from "@wfc/sdk/argo";
import type { RunNode } from "./node-tree.js";
import type { RunState } from "./run-state.js";
import { Semaphore } from "./semaphore.js";

/** A lock of `synchronization`, named as Argo's lock names (`<ns>/Mutex/<name>`, `<ns>/ConfigMap/<cm>/<key>`). */
interface LockSpec {
  readonly name: string;
  readonly kind: "mutex" | "semaphore";
  readonly limit: number;
}

function lockSpecs(run: RunState, t: Template): LockSpec[] {
  const sync = t.synchronization;
  const out: LockSpec[] = [];
  for (const m of sync?.mutexes ?? [])
    out.push({ name: `${m.namespace ?? run.namespace}/Mutex/${m.name ?? ""}`, kind: "mutex", limit: 1 });
  for (const s of sync?.semaphores ?? []) {
    const ref = s.configMapKeyRef;
    if (!ref) continue;
    const raw = run.options.configMaps?.[ref.name ?? ""]?.[ref.key];
    const limit = raw === undefined ? 1 : Number.parseInt(raw, 10);
    out.push({
      name: `${s.namespace ?? run.namespace}/ConfigMap/${ref.name ?? ""}/${ref.key}`,
      kind: "semaphore",
      limit: Number.isFinite(limit) && limit > 0 ? limit : 1,
    });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : 1));
}

const waitersByRun = new WeakMap<RunState, Map<string, Set<string>>>();

/** The holder keys of this run's nodes waiting for a lock. */
function waitersOf(run: RunState, lock: string): Set<string> {
  let m = waitersByRun.get(run);
  if (!m) waitersByRun.set(run, (m = new Map()));
  let w = m.get(lock);
  if (!w) m.set(lock, (w = new Set()));
  return w;
}

/**
 * `LockWaiting`, which Argo calls each time it looks at a waiting node: the lock's waiting entry
 * lists its current holders (a mutex's, the first; none, no entry). Nothing when nobody waits.
 */
function lockWaiting(run: RunState, k: LockSpec): void {
  if (!waitersOf(run, k.name).size) return;
  const current = run.lockHolders.get(k.name)?.holders ?? [];
  if (k.kind === "mutex") {
    if (current.length) run.lockWaiting.set(k.name, { kind: k.kind, holders: current.slice(0, 1) });
  } else run.lockWaiting.set(k.name, { kind: k.kind, holders: [...current] });
}

/**
 * `synchronization` (mutexes and semaphores), in-process: holds every lock of the template while
 * `fn` runs. A call that has to wait gets its node now (`pending()`), Pending, with Argo's message
 * (`Waiting for <lock> lock. Lock status: <free>/<limit>`) and `synchronizationStatus.waiting`,
 * cleared once it holds the lock; holders show in `status.synchronization` ({@link RunState.lockHolders}).
 */
export async function withSynchronization(
  run: RunState,
  nodeName: string,
  t: Template,
  pending: () => RunNode,
  fn: () => Promise<RunNode>,
): Promise<RunNode> {
  if (!t.synchronization) return fn();
  const holder = `${run.namespace}/${run.name}/${run.tree.id(nodeName)}`;
  const releases: (() => void)[] = [];
  try {
    for (const k of lockSpecs(run, t)) {
      let sem = run.locks.get(k.name);
      if (!sem) run.locks.set(k.name, (sem = new Semaphore(k.limit)));
      let waiting: RunNode | undefined;
      const waiters = waitersOf(run, k.name);
      if (!sem.free) {
        waiters.add(holder);
        lockWaiting(run, k);
        waiting = run.tree.byName(nodeName) ?? pending();
        waiting.synchronizationStatus = { waiting: k.name };
        run.tree.mark(waiting, waiting.phase, `Waiting for ${k.name} lock. Lock status: ${sem.available}/${k.limit}`);
      }
      const release = await sem.acquire();
      waiters.delete(holder);
      const holders = run.lockHolders.get(k.name) ?? { kind: k.kind, holders: [] };
      holders.holders.push(holder);
      run.lockHolders.set(k.name, holders);
      // LockAcquired: a semaphore's waiting entry loses the acquirer's key (and goes when empty);
      // a mutex's waiting entry stays until the workflow completes
      const w = run.lockWaiting.get(k.name);
      if (w && k.kind === "semaphore") {
        w.holders = w.holders.filter((h) => h !== holder);
        if (!w.holders.length) run.lockWaiting.delete(k.name);
      }
      // the nodes still waiting wait on the holders as they are now
      lockWaiting(run, k);
      releases.push(() => {
        const i = holders.holders.indexOf(holder);
        if (i >= 0) holders.holders.splice(i, 1);
        if (!holders.holders.length) run.lockHolders.delete(k.name);
        release();
        run.changed();
      });
      if (waiting) {
        delete waiting.synchronizationStatus;
        run.tree.mark(waiting, waiting.phase, "");
      }
    }
    return await fn();
  } finally {
    for (const r of releases.reverse()) r();
  }
}
