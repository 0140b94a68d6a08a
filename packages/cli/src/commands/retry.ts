/**
 * `wfc retry` and `wfc resubmit`: run a failed workflow's failed steps again in place, or submit a
 * workflow again as a new one, as `argo retry|resubmit`.
 */
import type { Workflow, WorkflowClient } from "@wfc/client";
import { type Command, Option } from "commander";
import { ClusterInputError } from "../cluster/errors.js";
import { formatObjects } from "../cluster/format.js";
import { onInterrupt } from "../cluster/interrupt.js";
import {
  addClusterOptions,
  type ClusterOptions,
  clientFrom,
  type OutputFormat,
  outputOption,
} from "../cluster/options.js";
import { addSelectionOptions, forEachWorkflow, type SelectionOptions, selectWorkflows } from "../cluster/selection.js";
import { waitForWorkflow } from "../cluster/wait.js";

interface RerunOptions extends ClusterOptions, SelectionOptions {
  readonly parameter: string[];
  readonly output?: OutputFormat;
  readonly wait?: boolean;
  readonly watch?: boolean;
  readonly log?: boolean;
  readonly restartSuccessful?: boolean;
  readonly nodeFieldSelector?: string;
  readonly memoized?: boolean;
}

const collect = (v: string, prev: string[]): string[] => [...prev, v];

function addRerunOptions(cmd: Command): Command {
  return cmd
    .addOption(
      new Option("-p, --parameter <name=value>", "override a workflow parameter (repeatable)")
        .argParser(collect)
        .default([]),
    )
    .addOption(outputOption())
    .option("-w, --wait", "wait for the workflow to complete (one workflow only)")
    .option("--watch", "show the workflow's progress until it completes (one workflow only)")
    .option("--log", "print the workflow's logs until it completes, as argo's --log (then --wait/--watch, if given)");
}

/** `argo ... --log`: follows the `main` logs of every pod of the workflow, each line prefixed with its node. */
async function printLogs(client: WorkflowClient, name: string): Promise<void> {
  const intr = onInterrupt();
  try {
    for await (const line of client.logs(name, { follow: true, container: "main", signal: intr.signal }))
      process.stdout.write(`${line.nodeName}: ${line.text}\n`);
  } finally {
    intr.dispose();
  }
  if (intr.interrupted()) process.exit(130);
}

async function follow(client: WorkflowClient, names: readonly string[], opts: RerunOptions): Promise<void> {
  if (!opts.wait && !opts.watch && !opts.log) return;
  if (names.length !== 1) throw new ClusterInputError("--wait, --watch and --log need exactly one workflow");
  const name = names[0] as string;
  if (opts.log) await printLogs(client, name);
  if (!opts.wait && !opts.watch) return;
  const progress = opts.watch ? (opts.output ? process.stderr : process.stdout) : undefined;
  const done = await waitForWorkflow(client, name, progress ? { progress } : {});
  if (!opts.watch) process.stderr.write(`workflow ${name} ${done.status?.phase}\n`);
}

/**
 * Registers `wfc retry`.
 *
 * @example
 * ```ts
 * registerRetry(program); // wfc retry etl-abc --restart-successful --node-field-selector templateName=load
 * ```
 */
export function registerRetry(program: Command): void {
  const cmd = program
    .command("retry")
    .description("rerun the failed steps of Failed or Error workflows, in the same Workflow object")
    .argument("[names...]", "workflow names")
    .option("--restart-successful", "also restart the succeeded nodes --node-field-selector selects")
    .option("--node-field-selector <selector>", "nodes to restart with --restart-successful, e.g. templateName=load");
  addRerunOptions(cmd);
  addSelectionOptions(cmd);
  addClusterOptions(cmd);
  cmd.addHelpText(
    "after",
    `
Only a Failed or Error workflow can be retried; a Succeeded one only with --restart-successful and
--node-field-selector (exit 1 otherwise). In Kubernetes mode the pods of the nodes to rerun are deleted.

Examples:
  wfc retry etl-x7k2p --watch
  wfc retry etl-x7k2p --log
  wfc retry etl-x7k2p -p message=again
  wfc retry etl-x7k2p --restart-successful --node-field-selector templateName=load`,
  );
  cmd.action(async (names: string[], opts: RerunOptions) => {
    const { retryWorkflow } = await import("@wfc/client");
    const client = await clientFrom(opts);
    const targets = await selectWorkflows(client, names, opts);
    const results: Workflow[] = [];
    await forEachWorkflow(targets, "retried", async (name) => {
      const { workflow, podsDeleted } = await retryWorkflow(client, name, {
        restartSuccessful: !!opts.restartSuccessful,
        nodeFieldSelector: opts.nodeFieldSelector ?? "",
        parameters: opts.parameter,
      });
      results.push(workflow);
      if (opts.output) return;
      for (const pod of podsDeleted) process.stdout.write(`pod ${pod} deleted\n`);
      process.stdout.write(`workflow ${name} retried\n`);
    });
    if (opts.output) process.stdout.write(formatObjects(results, opts.output));
    await follow(client, targets, opts);
  });
}

/**
 * Registers `wfc resubmit`.
 *
 * @example
 * ```ts
 * registerResubmit(program); // wfc resubmit etl-abc --memoized
 * ```
 */
export function registerResubmit(program: Command): void {
  const cmd = program
    .command("resubmit")
    .description("submit workflows again, as new workflows (labelled workflows.argoproj.io/resubmitted-from-workflow)")
    .argument("[names...]", "workflow names")
    .option("--memoized", "re-use the succeeded steps of the old run (it must be Failed or Error)");
  addRerunOptions(cmd);
  addSelectionOptions(cmd);
  addClusterOptions(cmd);
  cmd.addHelpText(
    "after",
    "\nExamples:\n  wfc resubmit etl-x7k2p --watch\n  wfc resubmit etl-x7k2p --log\n  wfc resubmit etl-x7k2p --memoized -o name",
  );
  cmd.action(async (names: string[], opts: RerunOptions) => {
    const { resubmitWorkflow } = await import("@wfc/client");
    const client = await clientFrom(opts);
    const targets = await selectWorkflows(client, names, opts);
    const created: Workflow[] = [];
    await forEachWorkflow(targets, "resubmitted", async (name) => {
      const wf = await resubmitWorkflow(client, name, { memoized: !!opts.memoized, parameters: opts.parameter });
      created.push(wf);
      if (!opts.output)
        process.stdout.write(`workflow.argoproj.io/${wf.metadata?.name} created (resubmitted from ${name})\n`);
    });
    if (opts.output) process.stdout.write(formatObjects(created, opts.output));
    await follow(
      client,
      created.map((w) => w.metadata?.name ?? ""),
      opts,
    );
  });
}
