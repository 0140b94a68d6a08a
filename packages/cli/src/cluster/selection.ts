/**
 * Which workflows a day-2 command acts on (names, `-l`, `--field-selector`), and running the
 * action on each, like `argo stop|retry|...`: one failure among several is reported and counted.
 */
import type { Workflow, WorkflowClient } from "@wfc/client";
import { type Command, Option } from "commander";
import { ClusterInputError } from "./errors.js";

/** Parsed `-l` and `--field-selector`. */
export interface SelectionOptions {
  readonly selector?: string;
  readonly fieldSelector?: string;
}

/**
 * Adds `-l, --selector` and `--field-selector` to a command.
 *
 * @example
 * ```ts
 * addSelectionOptions(program.command("stop").argument("[names...]"));
 * ```
 */
export function addSelectionOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option("-l, --selector <selector>", "also act on the workflows with these labels, e.g. app=ci"))
    .addOption(
      new Option("--field-selector <selector>", "also act on the workflows these fields select, e.g. metadata.name=x"),
    );
}

/**
 * The names given plus the workflows the selectors list (each once, names first).
 *
 * @example
 * ```ts
 * const names = await selectWorkflows(client, args, opts);
 * ```
 */
export async function selectWorkflows(
  client: WorkflowClient,
  names: readonly string[],
  opts: SelectionOptions,
): Promise<string[]> {
  const out = [...names];
  if (opts.selector || opts.fieldSelector) {
    const items = await client.list<Workflow>("Workflow", {
      ...(opts.selector ? { labelSelector: opts.selector } : {}),
      ...(opts.fieldSelector ? { fieldSelector: opts.fieldSelector } : {}),
    });
    if (!items.length && !names.length)
      throw new ClusterInputError(
        `no workflows match ${[opts.selector, opts.fieldSelector].filter(Boolean).join(" and ")} in namespace ${client.namespace}`,
      );
    for (const w of items) if (w.metadata?.name) out.push(w.metadata.name);
  }
  if (!out.length) throw new ClusterInputError("give workflow names, or select them with -l or --field-selector");
  return [...new Set(out)];
}

/**
 * Runs `fn` on each name. With one name its error is the command's; with several, each failure is
 * printed on its own line and the command exits 1 after the others ran.
 *
 * @example
 * ```ts
 * await forEachWorkflow(names, "stopped", async (n) => { await stopWorkflow(client, n); console.log(`workflow ${n} stopped`); });
 * ```
 */
export async function forEachWorkflow(
  names: readonly string[],
  done: string,
  fn: (name: string) => Promise<void>,
): Promise<void> {
  let failed = 0;
  for (const name of names) {
    try {
      await fn(name);
    } catch (err) {
      if (names.length === 1) throw err;
      process.stderr.write(`error: ${(err as Error).message}\n`);
      failed++;
    }
  }
  if (failed) throw new ClusterInputError(`${failed} of ${names.length} workflows could not be ${done} (see above)`);
}
