/**
 * `wfc delete`: delete workflows or other Argo objects.
 */
import type { Command } from "commander";
import { addClusterOptions, type ClusterOptions, clientFrom } from "../cluster/options.js";
import { parseRef } from "../cluster/refs.js";

interface DeleteOptions extends ClusterOptions {
  readonly ignoreNotFound?: boolean;
}

/**
 * Registers `wfc delete`.
 *
 * @example
 * ```ts
 * registerDelete(program); // wfc delete hello-x7k2p cronworkflow/nightly
 * ```
 */
export function registerDelete(program: Command): void {
  const cmd = program
    .command("delete")
    .description("delete workflows (NAME) or other Argo objects (KIND/NAME)")
    .argument("<names...>", "workflow names or KIND/NAME")
    .option("--ignore-not-found", "treat objects that do not exist as deleted");
  addClusterOptions(cmd);
  cmd.addHelpText(
    "after",
    "\nDeletes every name given; exits 1 if any could not be deleted.\n\nExamples:\n  wfc delete hello-x7k2p\n  wfc delete workflowtemplate/build cronworkflow/nightly",
  );
  cmd.action(async (names: string[], opts: DeleteOptions) => {
    const { ClusterError } = await import("@wfc/client");
    const client = await clientFrom(opts);
    let failed = 0;
    for (const arg of names) {
      const { kind, name } = await parseRef(arg);
      try {
        await client.delete(kind, name);
        process.stdout.write(`${kind.toLowerCase()}.argoproj.io "${name}" deleted\n`);
      } catch (err) {
        if (opts.ignoreNotFound && err instanceof ClusterError && err.code === "NotFound") continue;
        if (names.length === 1) throw err;
        process.stderr.write(`error: ${(err as Error).message}\n`);
        failed++;
      }
    }
    if (failed) {
      const { ClusterInputError } = await import("../cluster/errors.js");
      throw new ClusterInputError(`${failed} of ${names.length} objects could not be deleted (see above)`);
    }
  });
}
