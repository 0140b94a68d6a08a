/**
 * `wfc wait` and `wfc watch`: wait for workflows to complete, or show one's live node tree, as
 * `argo wait|watch`.
 */
import type { Workflow } from "@wfc/client";
import type { Command } from "commander";
import { ClusterInputError, WorkflowFailed } from "../cluster/errors.js";
import { addClusterOptions, type ClusterOptions, clientFrom } from "../cluster/options.js";
import type { NodeFilter } from "../cluster/tree.js";
import { waitForWorkflow } from "../cluster/wait.js";

interface WaitOptions extends ClusterOptions {
  readonly ignoreNotFound?: boolean;
}

interface WatchOptions extends ClusterOptions {
  readonly status?: string;
  readonly nodeFieldSelector?: string;
}

/** The node phases `--status` takes (argo's list, and Omitted). */
const NODE_PHASES = ["Pending", "Running", "Succeeded", "Skipped", "Failed", "Error", "Omitted"] as const;

/** `--status X` is argo's `--node-field-selector phase=X`; the two together are refused, as argo does. */
async function nodeFilterOf(opts: WatchOptions): Promise<NodeFilter | undefined> {
  if (opts.status !== undefined && opts.nodeFieldSelector !== undefined)
    throw new ClusterInputError("cannot use both --status and --node-field-selector");
  if (opts.status !== undefined && !(NODE_PHASES as readonly string[]).includes(opts.status))
    throw new ClusterInputError(`--status "${opts.status}" is not a node phase (one of ${NODE_PHASES.join(", ")})`);
  const selector = opts.status !== undefined ? `phase=${opts.status}` : opts.nodeFieldSelector;
  if (selector === undefined) return undefined;
  const { nodeMatches, parseFieldSelector } = await import("@wfc/client");
  const terms = parseFieldSelector(selector);
  return (node) => nodeMatches(terms, node);
}

/**
 * Registers `wfc wait`.
 *
 * @example
 * ```ts
 * registerWait(program); // wfc wait etl-abc
 * ```
 */
export function registerWait(program: Command): void {
  const cmd = program
    .command("wait")
    .description("wait for workflows to complete; prints NAME PHASE at FINISHED for each")
    .argument("<names...>", "workflow names")
    .option("--ignore-not-found", "a workflow that does not exist counts as done");
  addClusterOptions(cmd);
  cmd.addHelpText(
    "after",
    "\nExit code 0 when every workflow Succeeded, 1 when one failed, was not found or could not be watched.\n\nExamples:\n  wfc wait etl-x7k2p\n  wfc wait etl-1 etl-2 --ignore-not-found",
  );
  cmd.action(async (names: string[], opts: WaitOptions) => {
    const { ClusterError } = await import("@wfc/client");
    const client = await clientFrom(opts);
    const results = await Promise.all(
      names.map(async (name): Promise<{ name: string; wf?: Workflow; error?: unknown }> => {
        try {
          await client.get("Workflow", name);
          return { name, wf: await waitForWorkflow(client, name) };
        } catch (err) {
          if (err instanceof ClusterError && err.code === "NotFound" && opts.ignoreNotFound) return { name };
          if (err instanceof WorkflowFailed)
            return { name, wf: await client.get<Workflow>("Workflow", name), error: err };
          return { name, error: err };
        }
      }),
    );
    let failed = 0;
    for (const r of results) {
      if (r.wf) process.stdout.write(`${r.name} ${r.wf.status?.phase} at ${r.wf.status?.finishedAt ?? ""}\n`);
      if (r.error) {
        failed++;
        if (names.length > 1 && !(r.error instanceof WorkflowFailed))
          process.stderr.write(`error: ${(r.error as Error).message}\n`);
      }
    }
    if (failed === 1 && names.length === 1) throw results[0]?.error;
    if (failed) throw new ClusterInputError(`${failed} of ${names.length} workflows did not succeed`);
  });
}

/**
 * Registers `wfc watch`.
 *
 * @example
 * ```ts
 * registerWatch(program); // wfc watch etl-abc
 * ```
 */
export function registerWatch(program: Command): void {
  const cmd = program
    .command("watch")
    .description("show the live node tree of an existing workflow until it completes")
    .argument("<name>", "workflow name")
    .option("--status <phase>", `only the nodes in this phase (${NODE_PHASES.join(", ")})`)
    .option("--node-field-selector <selector>", "only the nodes this selector matches, e.g. phase!=Succeeded");
  addClusterOptions(cmd);
  cmd.addHelpText(
    "after",
    "\nOn a terminal the tree is redrawn in place; otherwise one line per change.\nExit code 0 when it Succeeded, 1 when it failed; Ctrl-C stops watching (130), the workflow keeps running.\n\nExamples:\n  wfc watch etl-x7k2p\n  wfc watch etl-x7k2p --status Failed\n  wfc watch etl-x7k2p --node-field-selector templateName=load",
  );
  cmd.action(async (name: string, opts: WatchOptions) => {
    const nodeFilter = await nodeFilterOf(opts);
    const client = await clientFrom(opts);
    await client.get("Workflow", name);
    await waitForWorkflow(client, name, { progress: process.stdout, ...(nodeFilter ? { nodeFilter } : {}) });
  });
}
