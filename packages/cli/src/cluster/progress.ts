/**
 * Live progress of a workflow for `--watch`: on a terminal the tree is redrawn
 * in place; otherwise one line is printed per node change.
 */
import { isCompleted, type Workflow, type WorkflowPhase } from "@wfc/client";
import { between } from "./format.js";
import { icon, type NodeFilter, renderSummary, renderTree, treeRows } from "./tree.js";

/** Where progress goes. */
export interface ProgressStream {
  write(s: string): unknown;
  readonly isTTY?: boolean;
}

/** Shows workflow updates; call {@link ProgressPrinter.update} for each new state. */
export interface ProgressPrinter {
  update(wf: Workflow): void;
  /** Prints the final state (TTY: leaves the last drawing on screen). */
  finish(wf: Workflow | undefined): void;
}

/**
 * Picks the redrawing or the line-per-change printer from `out.isTTY`.
 *
 * @example
 * ```ts
 * const p = progressPrinter(process.stdout);
 * for await (const wf of client.watchWorkflow(name)) p.update(wf);
 * ```
 */
export function progressPrinter(out: ProgressStream, keep?: NodeFilter): ProgressPrinter {
  return out.isTTY ? redrawPrinter(out, keep) : linePrinter(out, keep);
}

function redrawPrinter(out: ProgressStream, keep: NodeFilter | undefined): ProgressPrinter {
  let lines = 0;
  return {
    update(wf) {
      const text = `${renderSummary(wf)}\n${renderTree(wf, Date.now(), keep)}`;
      out.write(`${lines ? `\x1b[${lines}A\x1b[0J` : ""}${text}`);
      lines = text.split("\n").length - 1;
    },
    finish() {
      /* the last drawing stays */
    },
  };
}

function linePrinter(out: ProgressStream, keep: NodeFilter | undefined): ProgressPrinter {
  const last = new Map<string, string>();
  let phase: string | undefined;
  return {
    update(wf) {
      const name = wf.metadata?.name ?? "";
      const p = wf.status?.phase || "Pending";
      const phaseLine =
        p !== phase ? `${icon(p)} ${name} ${p}${wf.status?.message ? `: ${wf.status.message}` : ""}\n` : "";
      phase = p;
      const nodeLines: string[] = [];
      for (const r of treeRows(wf, keep)) {
        const n = r.node;
        if (n.id === name) continue;
        if (n.type !== "Pod" && n.type !== "Retry" && n.type !== "Suspend") continue;
        const key = `${n.phase}|${n.message ?? ""}`;
        if (last.get(n.id) === key) continue;
        last.set(n.id, key);
        const parts = [
          `${icon(n.phase)} ${n.displayName ?? n.name}`,
          n.phase ?? "Pending",
          `template=${n.templateName ?? n.templateRef?.template ?? ""}`,
          ...(r.podName ? [`pod=${r.podName}`] : []),
          ...(n.finishedAt ? [between(n.startedAt, n.finishedAt)] : []),
          ...(n.message ? [n.message] : []),
        ];
        nodeLines.push(`  ${parts.join("  ")}\n`);
      }
      // the workflow's own line comes first while it runs, last when it completed
      out.write(isCompleted(p as WorkflowPhase) ? nodeLines.join("") + phaseLine : phaseLine + nodeLines.join(""));
    },
    finish() {
      /* every change was printed */
    },
  };
}
