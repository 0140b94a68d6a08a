/**
 * `wfc apply`: create or update WorkflowTemplates, ClusterWorkflowTemplates
 * and CronWorkflows; a second apply of the same input changes nothing.
 */

import type { KubeObject } from "@wfc/client";
import type { Command } from "commander";
import { ClusterInputError } from "../cluster/errors.js";
import { formatObjects, objectName } from "../cluster/format.js";
import {
  addClusterOptions,
  type ClusterOptions,
  clientFrom,
  type OutputFormat,
  outputOption,
} from "../cluster/options.js";
import { printWarning } from "../cluster/warnings.js";

interface ApplyOptions extends ClusterOptions {
  readonly output?: OutputFormat;
}

/**
 * Registers `wfc apply`.
 *
 * @example
 * ```ts
 * registerApply(program); // wfc apply templates.ts -n ci
 * ```
 */
export function registerApply(program: Command): void {
  const cmd = program
    .command("apply")
    .description("create or update WorkflowTemplates, ClusterWorkflowTemplates and CronWorkflows (idempotent)")
    .argument("<files...>", "pipeline modules (.ts, .js) or manifests (.yaml, .yml, .json)")
    .addOption(outputOption());
  addClusterOptions(cmd);
  cmd.addHelpText(
    "after",
    `
Prints <kind>.argoproj.io/<name> created|configured|unchanged per object.

Examples:
  wfc apply templates.ts
  wfc apply cron.yaml -n ci -o name`,
  );
  cmd.action(async (files: string[], opts: ApplyOptions) => {
    const { loadManifests } = await import("../load.js");
    const { withConfiguredRegistry } = await import("../config/image-registry.js");
    const loaded = await withConfiguredRegistry(await loadManifests(files));
    const manifests = loaded.map((l) => l.manifest as unknown as KubeObject);
    const workflows = manifests.filter((m) => m.kind === "Workflow");
    if (workflows.length) {
      throw new ClusterInputError(
        `wfc apply does not run Workflows (found ${workflows.map((m) => m.metadata?.name ?? m.metadata?.generateName).join(", ")}); use wfc submit`,
      );
    }
    if (!manifests.length) throw new ClusterInputError(`${files.join(", ")}: nothing to apply`);
    // every document is checked (the same strict check as wfc lint) before the first one is sent
    const { assertValid, rejectedByServer } = await import("../check.js");
    assertValid(loaded);
    const client = await clientFrom(opts);
    const { applyManifest } = await import("@wfc/client");
    const results: KubeObject[] = [];
    for (const [i, m] of manifests.entries()) {
      const { action, object } = await applyManifest(client, m, {
        fieldValidation: "Strict",
        onWarning: printWarning,
      }).catch((e: unknown) => {
        throw rejectedByServer(
          e,
          loaded[i]!,
          results.length ? `${results.length} object(s) before it were applied` : undefined,
        );
      });
      results.push(object);
      if (!opts.output) process.stdout.write(`${objectName(object)} ${action}\n`);
    }
    if (opts.output) process.stdout.write(formatObjects(results, opts.output));
  });
}
