import type { Template } from "@wfc/sdk/argo";
import type { RunNode } from "./node-tree.js";
import type { RunState } from "./run-state.js";
import { Semaphore } from "./semaphore.js";

/** `synchronization` (mutexes and semaphores), in-process: holds every lock of the template while `fn` runs. */
export async function withSynchronization(
  run: RunState,
  nodeName: string,
  t: Template,
  fn: () => Promise<RunNode>,
): Promise<RunNode> {
  void nodeName;
  const sync = t.synchronization;
  if (!sync) return fn();
  const keys: { key: string; limit: number }[] = [];
  for (const m of sync.mutexes ?? [])
    keys.push({ key: `mutex/${m.namespace ?? run.namespace}/${m.name ?? ""}`, limit: 1 });
  for (const s of sync.semaphores ?? []) {
    const ref = s.configMapKeyRef;
    if (!ref) continue;
    const raw = run.options.configMaps?.[ref.name ?? ""]?.[ref.key];
    const limit = raw === undefined ? 1 : Number.parseInt(raw, 10);
    keys.push({
      key: `semaphore/${ref.name ?? ""}/${ref.key}`,
      limit: Number.isFinite(limit) && limit > 0 ? limit : 1,
    });
  }
  keys.sort((a, b) => (a.key < b.key ? -1 : 1));
  const releases: (() => void)[] = [];
  try {
    for (const k of keys) {
      let sem = run.locks.get(k.key);
      if (!sem) run.locks.set(k.key, (sem = new Semaphore(k.limit)));
      releases.push(await sem.acquire());
    }
    return await fn();
  } finally {
    for (const r of releases.reverse()) r();
  }
}
