/**
 * What a run report shows, read from a Workflow's status (and, for a local run, the logs in its
 * run directory): every node with its phase, times, inputs, outputs and logs, the node to blame.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** A status node, as much of it as the report reads. */
export interface StatusNode {
  readonly id: string;
  readonly name: string;
  readonly displayName?: string;
  readonly type?: string;
  readonly phase?: string;
  readonly message?: string;
  readonly templateName?: string;
  readonly boundaryID?: string;
  readonly startedAt?: string;
  readonly finishedAt?: string;
  readonly children?: readonly string[];
  readonly inputs?: unknown;
  readonly outputs?: unknown;
}

/** The Workflow fields the report reads. */
export interface ReportWorkflow {
  readonly metadata?: { readonly name?: string; readonly namespace?: string };
  readonly status?: {
    readonly phase?: string;
    readonly message?: string;
    readonly startedAt?: string;
    readonly finishedAt?: string;
    readonly nodes?: Readonly<Record<string, StatusNode>>;
  };
}

/** One node of the report. */
export interface ReportNode {
  readonly id: string;
  readonly name: string;
  readonly displayName: string;
  readonly type: string;
  readonly phase: string;
  readonly message: string;
  readonly template: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  /** Seconds, when both times are known. */
  readonly seconds?: number;
  readonly inputs: unknown;
  readonly outputs: unknown;
  /** The pod's log (local runs), else undefined. */
  readonly log?: string;
  readonly children: readonly string[];
}

/** The whole report. */
export interface ReportData {
  readonly name: string;
  readonly phase: string;
  readonly message: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly seconds?: number;
  readonly nodes: readonly ReportNode[];
  /** The node to blame when the workflow did not succeed. */
  readonly failed?: string;
  /** Where logs came from, or why there are none. */
  readonly logsNote: string;
}

/** Node types that run something (a pod, an HTTP call, a wait): the rows of the timeline. */
export const LEAF_TYPES = new Set(["Pod", "Container", "HTTP", "Plugin", "Suspend", "Skipped"]);

function seconds(a?: string, b?: string): number | undefined {
  if (!a || !b) return undefined;
  const d = (Date.parse(b) - Date.parse(a)) / 1000;
  return Number.isFinite(d) ? d : undefined;
}

/** The node to blame: the earliest-finishing failed leaf, else any failed node. */
function blame(nodes: readonly ReportNode[], root: string): string | undefined {
  // the root counts only when it is itself a pod (a workflow of one container template)
  const bad = nodes.filter(
    (x) => (x.phase === "Failed" || x.phase === "Error") && (x.id !== root || LEAF_TYPES.has(x.type)),
  );
  const leaf = bad.filter((x) => LEAF_TYPES.has(x.type) || !x.children.length);
  const pick = [...(leaf.length ? leaf : bad)].sort(
    (a, b) => a.finishedAt.localeCompare(b.finishedAt) || a.id.localeCompare(b.id),
  )[0];
  return pick?.id;
}

/**
 * Logs of a local run: `<runDir>/logs/<pod>.log`, the pod name ending in the node id's hash (or
 * the workflow's name itself for a root pod).
 */
function localLogs(runDir: string, wfName: string): Map<string, string> {
  const dir = join(runDir, "logs");
  const out = new Map<string, string>();
  if (!existsSync(dir)) return out;
  for (const f of readdirSync(dir).sort()) {
    const m = /-(\d+)\.log$/.exec(f);
    if (f === `${wfName}.log`) out.set(wfName, readFileSync(join(dir, f), "utf8"));
    else if (m) out.set(`${wfName}-${m[1]}`, readFileSync(join(dir, f), "utf8"));
  }
  return out;
}

/** Cuts a log to its last `max` characters. */
function tail(s: string, max = 64_000): string {
  return s.length <= max ? s : `… (${s.length - max} earlier characters not shown)\n${s.slice(-max)}`;
}

/**
 * The report of a workflow. `runDir`, for a local run, adds each pod's log.
 *
 * @example
 * ```ts
 * const data = reportData(JSON.parse(readFileSync(".wfc/runs/etl/status.json", "utf8")), { runDir: ".wfc/runs/etl" });
 * ```
 */
export function reportData(
  wf: ReportWorkflow,
  opts: { readonly runDir?: string; readonly logsNote?: string } = {},
): ReportData {
  const name = wf.metadata?.name ?? "workflow";
  const logs = opts.runDir ? localLogs(opts.runDir, name) : new Map<string, string>();
  const raw = Object.values(wf.status?.nodes ?? {});
  const nodes: ReportNode[] = raw
    .map((x) => {
      const log = logs.get(x.id);
      return {
        id: x.id,
        name: x.name,
        displayName: x.displayName ?? x.name,
        type: x.type ?? "",
        phase: x.phase ?? "Pending",
        message: x.message ?? "",
        template: x.templateName ?? "",
        startedAt: x.startedAt ?? "",
        finishedAt: x.finishedAt ?? "",
        ...(seconds(x.startedAt, x.finishedAt) !== undefined ? { seconds: seconds(x.startedAt, x.finishedAt)! } : {}),
        inputs: x.inputs ?? null,
        outputs: x.outputs ?? null,
        ...(log !== undefined ? { log: tail(log) } : {}),
        children: [...(x.children ?? [])],
      };
    })
    // times have one-second resolution: ties go by finish, then name (loop items in item order)
    .sort(
      (a, b) =>
        a.startedAt.localeCompare(b.startedAt) ||
        a.finishedAt.localeCompare(b.finishedAt) ||
        a.name.localeCompare(b.name) ||
        a.id.localeCompare(b.id),
    );
  const phase = wf.status?.phase ?? "Pending";
  const failed = phase === "Succeeded" ? undefined : blame(nodes, name);
  const s = seconds(wf.status?.startedAt, wf.status?.finishedAt);
  return {
    name,
    phase,
    message: wf.status?.message ?? "",
    startedAt: wf.status?.startedAt ?? "",
    finishedAt: wf.status?.finishedAt ?? "",
    ...(s !== undefined ? { seconds: s } : {}),
    nodes,
    ...(failed ? { failed } : {}),
    logsNote: opts.logsNote ?? (opts.runDir ? `logs from ${opts.runDir}/logs` : "no logs in this report"),
  };
}
