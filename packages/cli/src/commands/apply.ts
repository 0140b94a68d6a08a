/**
 * `wfc apply`: create or update WorkflowTemplates, ClusterWorkflowTemplates, CronWorkflows and
 * Argo Events objects, in dependency order, checked first and dry-run before the first write; a
 * second apply of the same input changes nothing.
 */

import type { KubeObject } from "@wfc/client";
import type { ArgoVersion } from "@wfc/sdk";
import type { Command } from "commander";
import { argoVersionOption } from "../argo-version-option.js";
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
  readonly argoVersion: ArgoVersion;
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
    .description(
      "create or update WorkflowTemplates, ClusterWorkflowTemplates, CronWorkflows and Argo Events objects (EventBus, EventSource, Sensor), in dependency order (idempotent)",
    )
    .argument("<files...>", "pipeline modules (.ts, .js) or manifests (.yaml, .yml, .json)")
    .addOption(outputOption())
    .addOption(argoVersionOption());
  addClusterOptions(cmd);
  cmd.addHelpText(
    "after",
    `
Prints <kind>.argoproj.io/<name> created|configured|unchanged per object, in the order applied:
EventBuses, then WorkflowTemplates, ClusterWorkflowTemplates and CronWorkflows, then EventSources,
then Sensors. Everything is checked first (wfc lint's strict check; Argo Events objects against the
Argo Events schema); when several objects change, each is sent as a server dry run (dryRun=All)
before the first is stored. If a later write still fails, the error lists what was applied and
what was not. EventBuses, EventSources and Sensors need the Kubernetes API (not --argo-server).

Examples:
  wfc apply templates.ts
  wfc apply cron.yaml -n ci -o name`,
  );
  cmd.action(async (files: string[], opts: ApplyOptions) => {
    const [{ loadManifests }, { lowerLoaded }, { withConfiguredRegistry }] = await Promise.all([
      import("../load.js"),
      import("../check.js"),
      import("../config/image-registry.js"),
    ]);
    const loaded = lowerLoaded(await withConfiguredRegistry(await loadManifests(files)), opts.argoVersion);
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
    assertValid(loaded, opts.argoVersion);
    const client = await clientFrom(opts);
    const { applyAll, DryRunRefusedError } = await import("@wfc/client");
    let applied: Awaited<ReturnType<typeof applyAll>>;
    try {
      applied = await applyAll(client, manifests, { fieldValidation: "Strict", onWarning: printWarning });
    } catch (e) {
      // a field the server refused is located in the user's file
      if (e instanceof DryRunRefusedError) {
        const located = rejectedByServer(e.failure, loaded[e.index]!, "nothing was applied");
        throw located === e.failure ? e : located;
      }
      throw e;
    }
    const results: KubeObject[] = applied.map((a) => a.object);
    if (!opts.output)
      for (const a of applied)
        process.stdout.write(
          `${objectName({ ...a.object, kind: a.object.kind ?? manifests[a.index]?.kind })} ${a.action}\n`,
        );
    if (!opts.output && manifests.length > 1) {
      const count = (x: string) => applied.filter((a) => a.action === x).length;
      process.stderr.write(
        `${manifests.length} objects: ${count("created")} created, ${count("configured")} configured, ${count("unchanged")} unchanged\n`,
      );
    }
    if (opts.output) process.stdout.write(formatObjects(results, opts.output));
  });
}
