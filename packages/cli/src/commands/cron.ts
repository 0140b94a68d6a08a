/**
 * `wfc cron`: list, get, suspend and resume CronWorkflows, and run one now, as `argo cron`.
 */
import type { KubeObject } from "@wfc/client";
import type { Command } from "commander";
import { between, formatObjects, table } from "../cluster/format.js";
import {
  addClusterOptions,
  type ClusterOptions,
  clientFrom,
  type OutputFormat,
  outputOption,
} from "../cluster/options.js";

interface CronOptions extends ClusterOptions {
  readonly output?: OutputFormat | "wide";
  readonly selector?: string;
  readonly allNamespaces?: boolean;
}

type CronSpec = { schedules?: string[]; schedule?: string; suspend?: boolean; timezone?: string };
type CronStatus = { lastScheduledTime?: string; active?: unknown[] };

function cronRows(items: readonly KubeObject[], allNamespaces: boolean): string[][] {
  const rows = [
    [...(allNamespaces ? ["NAMESPACE"] : []), "NAME", "AGE", "LAST RUN", "SCHEDULES", "TIMEZONE", "SUSPENDED"],
  ];
  for (const o of items) {
    const spec = (o.spec ?? {}) as CronSpec;
    const status = (o.status ?? {}) as CronStatus;
    rows.push([
      ...(allNamespaces ? [o.metadata?.namespace ?? ""] : []),
      o.metadata?.name ?? "",
      between(o.metadata?.creationTimestamp, undefined),
      status.lastScheduledTime ? between(status.lastScheduledTime, undefined) : "N/A",
      (spec.schedules ?? (spec.schedule ? [spec.schedule] : [])).join(","),
      spec.timezone ?? "",
      String(spec.suspend === true),
    ]);
  }
  return rows;
}

/**
 * Registers `wfc cron` and its subcommands.
 *
 * @example
 * ```ts
 * registerCron(program); // wfc cron suspend nightly
 * ```
 */
export function registerCron(program: Command): void {
  const cron = program
    .command("cron")
    .description("manage CronWorkflows: list, get, suspend, resume, create-workflow-now");

  const list = cron
    .command("list")
    .description("list CronWorkflows")
    .option("-l, --selector <selector>", "label selector, e.g. team=data")
    .option("-A, --all-namespaces", "list across all namespaces")
    .addOption(outputOption(["name", "yaml", "json", "wide"]));
  addClusterOptions(list);
  list.action(async (opts: CronOptions) => {
    const client = await clientFrom(opts);
    const items = await client.list<KubeObject>("CronWorkflow", {
      ...(opts.selector ? { labelSelector: opts.selector } : {}),
      ...(opts.allNamespaces ? { allNamespaces: true } : {}),
    });
    if (opts.output && opts.output !== "wide")
      return void process.stdout.write(formatObjects(items, opts.output, true));
    if (!items.length)
      return void process.stderr.write(
        `No cronworkflows found${opts.allNamespaces ? "" : ` in namespace ${client.namespace}`}.\n`,
      );
    process.stdout.write(table(cronRows(items, !!opts.allNamespaces)));
  });

  const get = cron
    .command("get")
    .description("show a CronWorkflow")
    .argument("<name>", "CronWorkflow name")
    .addOption(outputOption());
  addClusterOptions(get);
  get.action(async (name: string, opts: CronOptions) => {
    const client = await clientFrom(opts);
    const obj = await client.get<KubeObject>("CronWorkflow", name);
    if (opts.output && opts.output !== "wide") return void process.stdout.write(formatObjects([obj], opts.output));
    const spec = (obj.spec ?? {}) as CronSpec & { workflowSpec?: { entrypoint?: string } };
    const status = (obj.status ?? {}) as CronStatus;
    const rows: [string, string][] = [
      ["Name:", name],
      ["Namespace:", obj.metadata?.namespace ?? ""],
      ["Created:", obj.metadata?.creationTimestamp ?? ""],
      ["Schedules:", (spec.schedules ?? (spec.schedule ? [spec.schedule] : [])).join(",")],
      ["Suspended:", String(spec.suspend === true)],
      ...(spec.timezone ? ([["Timezone:", spec.timezone]] as [string, string][]) : []),
      ["LastScheduledTime:", status.lastScheduledTime ?? "N/A"],
      ["Active Workflows:", String(status.active?.length ?? 0)],
    ];
    process.stdout.write(table(rows));
  });

  for (const suspend of [true, false]) {
    const c = cron
      .command(suspend ? "suspend" : "resume")
      .description(
        suspend
          ? "stop scheduling new runs of CronWorkflows (spec.suspend: true)"
          : "schedule runs of CronWorkflows again",
      )
      .argument("<names...>", "CronWorkflow names");
    addClusterOptions(c);
    c.action(async (names: string[], opts: CronOptions) => {
      const { setCronSuspended } = await import("@wfc/client");
      const { forEachWorkflow } = await import("../cluster/selection.js");
      const client = await clientFrom(opts);
      await forEachWorkflow(names, suspend ? "suspended" : "resumed", async (name) => {
        await setCronSuspended(client, name, suspend);
        process.stdout.write(`CronWorkflow ${name} ${suspend ? "suspended" : "resumed"}\n`);
      });
    });
  }

  const now = cron
    .command("create-workflow-now")
    .alias("run")
    .description("submit a Workflow from a CronWorkflow now (as wfc submit --from cronworkflow/NAME)")
    .argument("<name>", "CronWorkflow name")
    .addOption(outputOption());
  addClusterOptions(now);
  now.action(async (name: string, opts: CronOptions) => {
    const { workflowFrom } = await import("@wfc/client");
    const { objectName } = await import("../cluster/format.js");
    const client = await clientFrom(opts);
    const { workflow } = await workflowFrom(client, `cronworkflow/${name}`);
    const created = await client.create(workflow, { fieldValidation: "Strict" });
    if (opts.output && opts.output !== "wide") process.stdout.write(formatObjects([created], opts.output));
    else process.stdout.write(`${objectName(created)} created\n`);
  });
}
