/**
 * The workflow filters of `wfc delete` (as `argo delete`): `--all`, `--completed`, `--older`,
 * `--status`, `--prefix`, `-l`.
 */
import type { Workflow, WorkflowClient } from "@wfc/client";
import { InvalidArgumentError } from "commander";

/** Parsed filter options. */
export interface WorkflowFilter {
  readonly all?: boolean;
  readonly completed?: boolean;
  /** Milliseconds: only workflows that finished longer ago than this. */
  readonly older?: number;
  readonly status?: string;
  readonly prefix?: string;
  readonly selector?: string;
  readonly allNamespaces?: boolean;
}

/**
 * Parses an age like `10m`, `3h`, `2d` (or `90s`) to milliseconds.
 *
 * @example
 * ```ts
 * parseAge("1d") // 86400000
 * ```
 */
export function parseAge(value: string): number {
  const m = /^(\d+)(s|m|h|d)$/.exec(value.trim());
  if (!m) throw new InvalidArgumentError(`"${value}" is not an age (e.g. 90s, 10m, 3h, 2d)`);
  return Number(m[1]) * { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as "s"];
}

/**
 * True when any filter is set.
 *
 * @example
 * ```ts
 * if (hasFilter(opts)) names = await filteredWorkflows(client, opts);
 * ```
 */
export function hasFilter(f: WorkflowFilter): boolean {
  return !!(f.all || f.completed || f.older !== undefined || f.status || f.prefix || f.selector);
}

/**
 * The workflows the filters select (the label selectors go to the server, the rest is checked here).
 *
 * @example
 * ```ts
 * const old = await filteredWorkflows(client, { older: parseAge("7d") });
 * ```
 */
export async function filteredWorkflows(
  client: WorkflowClient,
  f: WorkflowFilter,
  now = Date.now(),
): Promise<Workflow[]> {
  const statuses = f.status
    ? f.status
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)
    : [];
  const selectors = [
    f.selector,
    f.completed || f.older !== undefined ? "workflows.argoproj.io/completed=true" : undefined,
    statuses.length ? `workflows.argoproj.io/phase in (${statuses.join(",")})` : undefined,
  ].filter(Boolean);
  const items = await client.list<Workflow>("Workflow", {
    ...(selectors.length ? { labelSelector: selectors.join(",") } : {}),
    ...(f.allNamespaces ? { allNamespaces: true } : {}),
  });
  return items.filter((w) => {
    if (f.prefix && !(w.metadata?.name ?? "").startsWith(f.prefix)) return false;
    if (f.older !== undefined) {
      const finished = Date.parse(w.status?.finishedAt ?? "");
      if (Number.isNaN(finished) || now - finished < f.older) return false;
    }
    return true;
  });
}
