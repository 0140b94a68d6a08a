/**
 * `wfc logs`: the `main` container logs of a workflow's pods, each line
 * prefixed with its node name; `-f` follows until the workflow completes.
 */
import type { Command } from "commander";
import { onInterrupt } from "../cluster/interrupt.js";
import { addClusterOptions, type ClusterOptions, clientFrom } from "../cluster/options.js";

interface LogsOptions extends ClusterOptions {
  readonly follow?: boolean;
  readonly task?: string;
  readonly container: string;
  readonly prefix: boolean;
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
    try {
      for await (const line of client.logs(name, {
        follow: !!opts.follow,
        container: opts.container,
        signal: intr.signal,
        ...(opts.task ? { task: opts.task } : {}),
      })) {
        process.stdout.write(opts.prefix ? `${line.nodeName}: ${line.text}\n` : `${line.text}\n`);
      }
    } finally {
      intr.dispose();
    }
    if (intr.interrupted()) process.exit(130);
  });
}
