/**
 * `wfc suspend` and `wfc resume`: pause a workflow (`spec.suspend`) and resume it, or resume the
 * suspended nodes a `--node-field-selector` names, as `argo suspend|resume`.
 */
import type { Command } from "commander";
import { addClusterOptions, type ClusterOptions, clientFrom } from "../cluster/options.js";
import { forEachWorkflow } from "../cluster/selection.js";

interface ResumeOptions extends ClusterOptions {
  readonly nodeFieldSelector?: string;
}

/**
 * Registers `wfc suspend`.
 *
 * @example
 * ```ts
 * registerSuspend(program); // wfc suspend etl-abc
 * ```
 */
export function registerSuspend(program: Command): void {
  const cmd = program
    .command("suspend")
    .description("suspend workflows: no new steps start until resumed (spec.suspend: true)")
    .argument("<names...>", "workflow names");
  addClusterOptions(cmd);
  cmd.addHelpText(
    "after",
    "\nA completed workflow cannot be suspended (exit 1).\n\nExamples:\n  wfc suspend etl-x7k2p",
  );
  cmd.action(async (names: string[], opts: ClusterOptions) => {
    const { suspendWorkflow } = await import("@wfc/client");
    const client = await clientFrom(opts);
    await forEachWorkflow(names, "suspended", async (name) => {
      await suspendWorkflow(client, name);
      process.stdout.write(`workflow ${name} suspended\n`);
    });
  });
}

/**
 * Registers `wfc resume`.
 *
 * @example
 * ```ts
 * registerResume(program); // wfc resume etl-abc --node-field-selector displayName=approve
 * ```
 */
export function registerResume(program: Command): void {
  const cmd = program
    .command("resume")
    .description("resume suspended workflows: clears spec.suspend and completes every suspend node that is waiting")
    .argument("<names...>", "workflow names")
    .option(
      "--node-field-selector <selector>",
      "only resume the suspended nodes this selects, e.g. displayName=approve",
    );
  addClusterOptions(cmd);
  cmd.addHelpText(
    "after",
    "\nWith --node-field-selector, no suspended node matching is an error (exit 1).\n\nExamples:\n  wfc resume etl-x7k2p\n  wfc resume etl-x7k2p --node-field-selector displayName=approve",
  );
  cmd.action(async (names: string[], opts: ResumeOptions) => {
    const { resumeWorkflow } = await import("@wfc/client");
    const client = await clientFrom(opts);
    await forEachWorkflow(names, "resumed", async (name) => {
      await resumeWorkflow(client, name, opts.nodeFieldSelector ? { nodeFieldSelector: opts.nodeFieldSelector } : {});
      process.stdout.write(`workflow ${name} resumed\n`);
    });
  });
}
