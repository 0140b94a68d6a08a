/**
 * The entry of the cluster read commands (`get`, `list`/`ls`, `logs`, `delete`), which
 * `scripts/bundle.mjs` bundles with commander, `@wfc/client` and the SDK functions they use into
 * one CommonJS file, `dist/bundle-cluster.cjs` (started by `cluster-start.ts`): for these commands
 * Node reads one file, compiled on an earlier run, instead of resolving, reading and compiling
 * some fifty modules. The program is the same as `main.ts`'s with only these commands in its
 * table; any other command line goes to `main.ts`.
 */

import { WfcError } from "@wfc/sdk/internal";
import { registerDelete } from "./commands/delete.js";
import { registerGet } from "./commands/get.js";
import { registerList } from "./commands/list.js";
import { registerLogs } from "./commands/logs.js";
import { type CommandTable, commandsFor, runProgram } from "./program.js";

const CLUSTER: CommandTable = {
  commands: {
    get: () => registerGet,
    list: () => registerList,
    logs: () => registerLogs,
    delete: () => registerDelete,
  },
  aliases: { ls: "list" },
  // in the bundle, the errors of these commands and of the client are the bundle's copy of WfcError
  wfcErrors: [WfcError],
};

/**
 * The commands this entry runs itself (`bin/wfc.js` sends these here).
 *
 * @example
 * ```ts
 * CLUSTER_COMMANDS.includes("get") // true
 * ```
 */
export const CLUSTER_COMMANDS: readonly string[] = [...Object.keys(CLUSTER.commands), ...Object.keys(CLUSTER.aliases)];

/**
 * Runs the CLI as `main.ts`'s `main` does; a command line that is not one of
 * {@link CLUSTER_COMMANDS} is handed to it.
 *
 * @example
 * ```ts
 * process.exitCode = await main(["node", "wfc", "get", "hello-x7k2p"]);
 * ```
 */
export async function main(args: readonly string[]): Promise<number> {
  if (!CLUSTER_COMMANDS.includes(commandsFor(args.filter((a) => a !== "--verbose"))))
    return (await import("./main.js")).main(args);
  return runProgram(CLUSTER, args);
}

export { endEsbuildProcesses } from "./loader/esbuild-children.js";
