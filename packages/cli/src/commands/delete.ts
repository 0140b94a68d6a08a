/**
 * `wfc delete`: delete workflows or other Argo objects.
 */
import type { ArgoKind } from "@wfc/client";
import { type Command, Option } from "commander";
import { parseEventsRef } from "../cluster/events-refs.js";
import { addClusterOptions, type ClusterOptions, clientFrom } from "../cluster/options.js";
import { parseRef } from "../cluster/refs.js";
import { filteredWorkflows, hasFilter, parseAge, type WorkflowFilter } from "../cluster/workflow-filter.js";

interface DeleteOptions extends ClusterOptions, WorkflowFilter {
  readonly ignoreNotFound?: boolean;
  readonly dryRun?: boolean;
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
    .argument("[names...]", "workflow names or KIND/NAME")
    .option("--ignore-not-found", "treat objects that do not exist as deleted")
    .option("--all", "delete every workflow (in the namespace, or with -A in all)")
    .option("--completed", "delete completed workflows (Succeeded, Failed, Error)")
    .addOption(
      new Option(
        "--older <age>",
        "delete completed workflows that finished longer ago than this (e.g. 10m, 3h, 2d)",
      ).argParser(parseAge),
    )
    .option("--status <phases>", "delete workflows in these phases (comma-separated, e.g. Failed,Error)")
    .option("--prefix <prefix>", "delete workflows whose name starts with this")
    .option("-l, --selector <selector>", "delete workflows with these labels, e.g. app=ci")
    .option("-A, --all-namespaces", "with the filters: in every namespace")
    .option("--dry-run", "only print what would be deleted");
  addClusterOptions(cmd);
  cmd.addHelpText(
    "after",
    "\nDeletes every name given and every workflow the filters select; exits 1 if any could not be deleted.\n\nExamples:\n  wfc delete hello-x7k2p\n  wfc delete workflowtemplate/build cronworkflow/nightly sensor/on-upload\n  wfc delete --completed --older 7d\n  wfc delete -l team=data --status Failed,Error --dry-run",
  );
  cmd.action(async (names: string[], opts: DeleteOptions) => {
    const { ClusterError } = await import("@wfc/client");
    const client = await clientFrom(opts);
    const { ClusterInputError } = await import("../cluster/errors.js");
    if (!names.length && !hasFilter(opts))
      throw new ClusterInputError(
        "give names to delete, or a filter: --all, --completed, --older, --status, --prefix, -l",
      );
    const targets: { arg: string; namespace?: string }[] = names.map((arg) => ({ arg }));
    if (hasFilter(opts)) {
      const found = await filteredWorkflows(client, opts);
      if (!found.length && !names.length)
        return void process.stderr.write(
          `No workflows found${opts.allNamespaces ? "" : ` in namespace ${client.namespace}`}.\n`,
        );
      for (const w of found) {
        const ns = w.metadata?.namespace;
        targets.push({ arg: w.metadata?.name ?? "", ...(ns ? { namespace: ns } : {}) });
      }
    }
    let failed = 0;
    for (const { arg, namespace } of targets) {
      const events = await parseEventsRef(arg);
      const { kind, name } = events ?? (await parseRef(arg));
      if (opts.dryRun) {
        process.stdout.write(`${kind.toLowerCase()}.argoproj.io "${name}" deleted (dry run)\n`);
        continue;
      }
      try {
        if (events) {
          const { deleteEventsObject } = await import("@wfc/client");
          await deleteEventsObject(client, events.kind, events.name);
        } else await client.delete(kind as ArgoKind, name, namespace);
        process.stdout.write(`${kind.toLowerCase()}.argoproj.io "${name}" deleted\n`);
      } catch (err) {
        if (opts.ignoreNotFound && err instanceof ClusterError && err.code === "NotFound") continue;
        if (targets.length === 1) throw err;
        process.stderr.write(`error: ${(err as Error).message}\n`);
        failed++;
      }
    }
    if (failed) throw new ClusterInputError(`${failed} of ${targets.length} objects could not be deleted (see above)`);
  });
}
