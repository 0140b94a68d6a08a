/**
 * `wfc list`: workflows (or other Argo kinds) with label and phase filters.
 */

import type { KubeObject, Workflow } from "@wfc/client";
import type { Command } from "commander";
import { between, formatObjects, table } from "../cluster/format.js";
import {
  addClusterOptions,
  type ClusterOptions,
  clientFrom,
  OUTPUT_FORMATS,
  type OutputFormat,
  outputOption,
} from "../cluster/options.js";

interface ListOptions extends ClusterOptions {
  readonly output?: OutputFormat | "wide";
  readonly selector?: string;
  readonly phase?: string;
  readonly allNamespaces?: boolean;
}

const PHASES = ["Pending", "Running", "Succeeded", "Failed", "Error"];

/** Pending/running/completed pod nodes, as argo's `list -o wide` counts them (P/R/C). */
function podCounts(wf: Workflow): string {
  let p = 0;
  let r = 0;
  let c = 0;
  for (const n of Object.values(wf.status?.nodes ?? {})) {
    if (n.type !== "Pod") continue;
    if (["Succeeded", "Failed", "Error", "Skipped", "Omitted"].includes(n.phase ?? "")) c++;
    else if (n.phase === "Running") r++;
    else p++;
  }
  return `${p}/${r}/${c}`;
}

/**
 * Registers `wfc list`.
 *
 * @example
 * ```ts
 * registerList(program); // wfc list --phase Failed -l app=ci
 * ```
 */
export function registerList(program: Command): void {
  const cmd = program
    .command("list")
    .alias("ls")
    .description(
      "list workflows (or workflowtemplates, clusterworkflowtemplates, cronworkflows, eventbus, eventsources, sensors)",
    )
    .argument("[kind]", "what to list", "workflows")
    .option("-l, --selector <selector>", "label selector, e.g. app=ci,tier!=test")
    .option("--phase <phases>", `only workflows in these phases (comma-separated: ${PHASES.join(", ")})`)
    .option("-A, --all-namespaces", "list across all namespaces")
    .addOption(outputOption([...OUTPUT_FORMATS, "wide"]));
  addClusterOptions(cmd);
  cmd.addHelpText(
    "after",
    "\nExamples:\n  wfc list\n  wfc list --phase Running,Failed -l app=ci\n  wfc list workflowtemplates -o name",
  );
  cmd.action(async (kindArg: string, opts: ListOptions) => {
    const { resourceFor, eventsKindFor, listEventsObjects, EVENTS_RESOURCES } = await import("@wfc/client");
    const eventsKind = eventsKindFor(kindArg);
    if (eventsKind) {
      const client = await clientFrom(opts);
      const items = await listEventsObjects(client, eventsKind, {
        ...(opts.selector ? { labelSelector: opts.selector } : {}),
        ...(opts.allNamespaces ? { allNamespaces: true } : {}),
      });
      if (opts.output && opts.output !== "wide")
        return void process.stdout.write(formatObjects(items, opts.output, true));
      const plural = EVENTS_RESOURCES[eventsKind].plural;
      if (!items.length)
        return void process.stderr.write(
          `No ${plural} found${opts.allNamespaces ? "" : ` in namespace ${client.namespace}`}.\n`,
        );
      const all = !!opts.allNamespaces;
      return void process.stdout.write(
        table([
          [...(all ? ["NAMESPACE"] : []), "NAME", "AGE"],
          ...items.map((o) => [
            ...(all ? [o.metadata?.namespace ?? ""] : []),
            o.metadata?.name ?? "",
            between(o.metadata?.creationTimestamp, undefined),
          ]),
        ]),
      );
    }
    const { ClusterInputError } = await import("../cluster/errors.js");
    const res = resourceFor(kindArg);
    const phases = opts.phase
      ? opts.phase
          .split(",")
          .map((p) => p.trim())
          .filter(Boolean)
      : [];
    for (const p of phases)
      if (!PHASES.includes(p)) throw new ClusterInputError(`unknown phase "${p}": use ${PHASES.join(", ")}`);
    if (phases.length && res.kind !== "Workflow") throw new ClusterInputError("--phase only applies to workflows");
    const selectors = [
      opts.selector,
      phases.length ? `workflows.argoproj.io/phase in (${phases.join(",")})` : undefined,
    ].filter(Boolean);
    const client = await clientFrom(opts);
    let items = await client.list<KubeObject>(res.kind, {
      ...(selectors.length ? { labelSelector: selectors.join(",") } : {}),
      ...(opts.allNamespaces ? { allNamespaces: true } : {}),
    });
    if (phases.length) items = items.filter((w) => phases.includes(String((w as Workflow).status?.phase || "Pending")));
    const wide = opts.output === "wide";
    if (opts.output && opts.output !== "wide") {
      process.stdout.write(formatObjects(items, opts.output, true));
      return;
    }
    if (items.length === 0) {
      process.stderr.write(
        `No ${res.plural} found${opts.allNamespaces || !res.namespaced ? "" : ` in namespace ${client.namespace}`}.\n`,
      );
      return;
    }
    const ns = opts.allNamespaces && res.namespaced;
    const rows: string[][] = [];
    if (res.kind === "Workflow") {
      rows.push([
        ...(ns ? ["NAMESPACE"] : []),
        "NAME",
        "STATUS",
        "AGE",
        "DURATION",
        "PROGRESS",
        ...(wide ? ["PRIORITY", "P/R/C", "TEMPLATE", "PARAMETERS"] : []),
        "MESSAGE",
      ]);
      for (const o of items) {
        const s = (o as Workflow).status ?? {};
        const spec = (o.spec ?? {}) as {
          workflowTemplateRef?: { name?: string };
          arguments?: { parameters?: { name?: string; value?: unknown }[] };
        };
        const extra = wide
          ? [
              String((o.spec as { priority?: number } | undefined)?.priority ?? 0),
              podCounts(o as Workflow),
              spec.workflowTemplateRef?.name ?? "-",
              (spec.arguments?.parameters ?? []).map((p) => `${p.name}=${String(p.value ?? "")}`).join(",") || "-",
            ]
          : [];
        rows.push([
          ...(ns ? [o.metadata?.namespace ?? ""] : []),
          o.metadata?.name ?? "",
          s.phase || "Pending",
          between(o.metadata?.creationTimestamp, undefined),
          between(s.startedAt, s.finishedAt),
          s.progress ?? "",
          ...extra,
          s.message ?? "",
        ]);
      }
    } else {
      rows.push([...(ns ? ["NAMESPACE"] : []), "NAME", "AGE"]);
      for (const o of items)
        rows.push([
          ...(ns ? [o.metadata?.namespace ?? ""] : []),
          o.metadata?.name ?? "",
          between(o.metadata?.creationTimestamp, undefined),
        ]);
    }
    process.stdout.write(table(rows));
  });
}
