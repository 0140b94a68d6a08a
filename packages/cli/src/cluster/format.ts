/**
 * Printing of cluster objects: `-o name|yaml|json`, durations and ages.
 */

import type { KubeObject } from "@wfc/client";
import type { Manifest } from "@wfc/sdk";
// The zod-free entry: cluster commands never load the authoring API (or zod).
import { stringifyJson, emitYaml as toYaml } from "@wfc/sdk/yaml";

/**
 * `workflow.argoproj.io/hello-x7k2p`, as kubectl's `-o name` prints it.
 *
 * @example
 * ```ts
 * objectName({ kind: "WorkflowTemplate", metadata: { name: "ci" } }) // "workflowtemplate.argoproj.io/ci"
 * ```
 */
export function objectName(obj: KubeObject): string {
  return `${String(obj.kind ?? "Workflow").toLowerCase()}.argoproj.io/${obj.metadata?.name ?? obj.metadata?.generateName ?? ""}`;
}

/**
 * Formats objects for `-o`: names one per line, YAML documents, or JSON (a `List` for several).
 *
 * @example
 * ```ts
 * process.stdout.write(formatObjects([wf], "yaml"));
 * ```
 */
export function formatObjects(
  objs: readonly KubeObject[],
  format: "name" | "yaml" | "json",
  asList = objs.length !== 1,
): string {
  if (format === "name") return objs.map((o) => `${objectName(o)}\n`).join("");
  if (format === "json") {
    const v = asList ? { apiVersion: "v1", kind: "List", items: objs, metadata: {} } : objs[0];
    return `${stringifyJson(v, 2)}\n`;
  }
  // the one YAML writer of wfc (the SDK's), so `get -o yaml` quotes what `build` quotes ("2026-01-01")
  if (asList) return toYaml([{ apiVersion: "v1", kind: "List", items: objs, metadata: {} } as unknown as Manifest]);
  return toYaml(objs as unknown as Manifest[]);
}

/**
 * Human duration: `45s`, `3m12s`, `2h5m`, `3d4h`.
 *
 * @example
 * ```ts
 * formatDuration(192_000) // "3m12s"
 * ```
 */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${s % 60 ? `${s % 60}s` : ""}`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h}h${m % 60 ? `${m % 60}m` : ""}`;
  return `${Math.floor(h / 24)}d${h % 24 ? `${h % 24}h` : ""}`;
}

/** Duration between two timestamps (end defaults to now); empty when not started. @example `between(node.startedAt, node.finishedAt)` */
export function between(start: string | undefined | null, end: string | undefined | null, now = Date.now()): string {
  if (!start) return "";
  const a = Date.parse(start);
  const b = end ? Date.parse(end) : now;
  return Number.isNaN(a) || Number.isNaN(b) ? "" : formatDuration(b - a);
}

/**
 * Renders rows as aligned columns (two spaces apart), like kubectl's tables.
 *
 * @example
 * ```ts
 * table([["NAME", "STATUS"], ["hello", "Running"]]) // "NAME   STATUS\nhello  Running\n"
 * ```
 */
export function table(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const r of rows)
    r.forEach((c, i) => {
      widths[i] = Math.max(widths[i] ?? 0, [...c].length);
    });
  return rows
    .map(
      (r) =>
        `${r
          .map((c, i) => (i === r.length - 1 ? c : c + " ".repeat(widths[i]! - [...c].length)))
          .join("  ")
          .trimEnd()}\n`,
    )
    .join("");
}
