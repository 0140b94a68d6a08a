/**
 * `wfc stop` and `wfc terminate`: shut a workflow down (`spec.shutdown`), as `argo stop|terminate`.
 */
import type { Command } from "commander";
import { addClusterOptions, type ClusterOptions, clientFrom } from "../cluster/options.js";
import { addSelectionOptions, forEachWorkflow, type SelectionOptions, selectWorkflows } from "../cluster/selection.js";

interface StopOptions extends ClusterOptions, SelectionOptions {
  readonly nodeFieldSelector?: string;
  readonly message?: string;
  readonly dryRun?: boolean;
}

/**
 * Registers `wfc stop`.
 *
 * @example
 * ```ts
 * registerStop(program); // wfc stop etl-abc
 * ```
 */
export function registerStop(program: Command): void {
  const cmd = program
    .command("stop")
    .description("stop workflows: running pods finish, no new ones start, exit handlers run (spec.shutdown: Stop)")
    .argument("[names...]", "workflow names")
    .option(
      "--node-field-selector <selector>",
      "instead, fail the suspended nodes this selects, e.g. displayName=approve",
    )
    .option("--message <text>", "message for the nodes stopped by --node-field-selector")
    .option("--dry-run", "only print the workflows that would be stopped");
  addSelectionOptions(cmd);
  addClusterOptions(cmd);
  cmd.addHelpText(
    "after",
    "\nA completed workflow cannot be stopped (exit 1).\n\nExamples:\n  wfc stop etl-x7k2p\n  wfc stop -l team=data\n  wfc stop etl-x7k2p --node-field-selector displayName=approve --message rejected",
  );
  cmd.action(async (names: string[], opts: StopOptions) => {
    const { stopWorkflow } = await import("@wfc/client");
    const client = await clientFrom(opts);
    const targets = await selectWorkflows(client, names, opts);
    await forEachWorkflow(targets, "stopped", async (name) => {
      if (!opts.dryRun)
        await stopWorkflow(client, name, {
          ...(opts.nodeFieldSelector ? { nodeFieldSelector: opts.nodeFieldSelector } : {}),
          ...(opts.message ? { message: opts.message } : {}),
        });
      process.stdout.write(`workflow ${name} stopped${opts.dryRun ? " (dry run)" : ""}\n`);
    });
  });
}

/**
 * Registers `wfc terminate`.
 *
 * @example
 * ```ts
 * registerTerminate(program); // wfc terminate etl-abc
 * ```
 */
export function registerTerminate(program: Command): void {
  const cmd = program
    .command("terminate")
    .description("terminate workflows: pods are killed, exit handlers do not run (spec.shutdown: Terminate)")
    .argument("[names...]", "workflow names")
    .option("--dry-run", "only print the workflows that would be terminated");
  addSelectionOptions(cmd);
  addClusterOptions(cmd);
  cmd.addHelpText(
    "after",
    "\nA completed workflow cannot be terminated (exit 1).\n\nExamples:\n  wfc terminate etl-x7k2p\n  wfc terminate -l team=data --dry-run",
  );
  cmd.action(async (names: string[], opts: StopOptions) => {
    const { terminateWorkflow } = await import("@wfc/client");
    const client = await clientFrom(opts);
    const targets = await selectWorkflows(client, names, opts);
    await forEachWorkflow(targets, "terminated", async (name) => {
      if (!opts.dryRun) await terminateWorkflow(client, name);
      process.stdout.write(`workflow ${name} terminated${opts.dryRun ? " (dry run)" : ""}\n`);
    });
  });
}
