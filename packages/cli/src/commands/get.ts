/**
 * `wfc get`: one workflow (summary and node tree, like `argo get`) or any Argo object.
 */

import type { KubeObject, Workflow } from "@wfc/client";
import type { Command } from "commander";
import { between, formatObjects, table } from "../cluster/format.js";
import {
  addClusterOptions,
  type ClusterOptions,
  clientFrom,
  type OutputFormat,
  outputOption,
} from "../cluster/options.js";
import { parseRef } from "../cluster/refs.js";
import { renderSummary, renderTree } from "../cluster/tree.js";

interface GetOptions extends ClusterOptions {
  readonly output?: OutputFormat;
}

/**
 * Registers `wfc get`.
 *
 * @example
 * ```ts
 * registerGet(program); // wfc get hello-x7k2p -o yaml
 * ```
 */
export function registerGet(program: Command): void {
  const cmd = program
    .command("get")
    .description("show a workflow (status and node tree) or another Argo object")
    .argument(
      "<name>",
      "workflow name, or KIND/NAME (workflowtemplate/NAME, clusterworkflowtemplate/NAME, cronworkflow/NAME)",
    )
    .addOption(outputOption());
  addClusterOptions(cmd);
  cmd.addHelpText("after", "\nExamples:\n  wfc get hello-x7k2p\n  wfc get workflowtemplate/build -o yaml");
  cmd.action(async (arg: string, opts: GetOptions) => {
    const { kind, name } = await parseRef(arg);
    const client = await clientFrom(opts);
    const obj = await client.get<KubeObject>(kind, name);
    if (opts.output) {
      process.stdout.write(formatObjects([obj], opts.output));
      return;
    }
    if (kind === "Workflow") {
      const wf = obj as Workflow;
      const tree = renderTree(wf);
      process.stdout.write(`${renderSummary(wf)}${tree ? `\n${tree}` : ""}`);
      return;
    }
    process.stdout.write(
      table([
        ["NAME", "AGE"],
        [name, between(obj.metadata?.creationTimestamp, undefined)],
      ]),
    );
  });
}
