import type { RunState } from "./run-state.js";

/** `killDaemonedChildren`: stops the daemoned pods of a boundary once it is done; their nodes end Succeeded. */
export function killDaemonedChildren(run: RunState, boundaryId: string): void {
  for (const [id, ac] of [...run.daemons]) {
    const n = run.tree.get(id);
    if (!n || n.boundaryID !== boundaryId) continue;
    run.daemons.delete(id);
    ac.abort(new Error("daemon stopped: its template completed"));
    run.tree.mark(n, "Succeeded");
  }
  // Retry parents of stopped daemons
  for (const n of run.tree.nodes.values()) {
    if (n.type === "Retry" && n.daemoned && n.phase === "Running" && n.boundaryID === boundaryId) {
      const last = run.tree.lastRetryChild(n);
      if (last && last.phase !== "Running") run.tree.mark(n, last.phase);
    }
  }
}

/** Stops every daemon left (end of the run). */
export function killAllDaemons(run: RunState): void {
  for (const [id, ac] of [...run.daemons]) {
    run.daemons.delete(id);
    ac.abort(new Error("workflow completed"));
    const n = run.tree.get(id);
    if (n && n.phase === "Running") run.tree.mark(n, "Succeeded");
  }
}
