/**
 * `wfc logs`: the `main` container logs of a workflow's pods, each line
 * prefixed with its node name; `-f` follows until the workflow completes.
 */
import type { Workflow, WorkflowClient } from "@wfc/client";
import type { Command } from "commander";
import { onInterrupt } from "../cluster/interrupt.js";
import { addClusterOptions, type ClusterOptions, clientFrom } from "../cluster/options.js";

interface LogsOptions extends ClusterOptions {
  readonly follow?: boolean;
  readonly task?: string;
  readonly container: string;
  readonly prefix: boolean;
}

/** Why a workflow printed no log lines: it has no pods (for the task), or its pods printed nothing. */
async function whyNoLogs(client: WorkflowClient, name: string, task: string | undefined): Promise<string> {
  const wf = await client.get<Workflow>("Workflow", name);
  const nodes = Object.values(wf.status?.nodes ?? {}).filter(
    (n) => n.type === "Pod" && (!task || n.displayName === task || n.name === task),
  );
  const phase = wf.status?.phase ?? "Pending";
  if (!nodes.length) return `workflow ${name} has no pods${task ? ` for task ${task}` : ""} (phase ${phase})`;
  return `the ${nodes.length === 1 ? "pod" : `${nodes.length} pods`} of workflow ${name}${task ? ` (task ${task})` : ""} printed no log lines`;
}

/**
 * Registers `wfc logs`.
 *
 * @example
 * ```ts
 * registerLogs(program); // wfc logs hello-x7k2p -f --task build
 * ```
 */
export function registerLogs(program: Command): void {
  const cmd = program
    .command("logs")
    .description("print the logs of a workflow's pods, prefixed with the node name")
    .argument("<name>", "workflow name")
    .option("-f, --follow", "keep streaming until the workflow completes")
    .option("--task <name>", "only this task or step")
    .option("-c, --container <name>", "container to read", "main")
    .option("--no-prefix", "do not prefix lines with the node name");
  addClusterOptions(cmd);
  cmd.addHelpText("after", "\nExamples:\n  wfc logs hello-x7k2p\n  wfc logs hello-x7k2p -f --task build");
  cmd.action(async (name: string, opts: LogsOptions) => {
    const client = await clientFrom(opts);
    const intr = onInterrupt();
    let lines = 0;
    try {
      for await (const line of client.logs(name, {
        follow: !!opts.follow,
        container: opts.container,
        signal: intr.signal,
        ...(opts.task ? { task: opts.task } : {}),
      })) {
        lines++;
        process.stdout.write(opts.prefix ? `${line.nodeName}: ${line.text}\n` : `${line.text}\n`);
      }
    } finally {
      intr.dispose();
    }
    if (intr.interrupted()) process.exit(130);
    // like `argo logs`, nothing to print is not an error (exit 0), but wfc says why on stderr
    if (!lines) process.stderr.write(`wfc: ${await whyNoLogs(client, name, opts.task)}\n`);
  });
}
