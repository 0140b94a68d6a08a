/**
 * `wfc get`: one workflow (summary and node tree, like `argo get`) or any Argo object.
 */

import type { KubeObject, Workflow } from "@wfc/client";
import { WfcError } from "@wfc/sdk/internal";
import type { Command } from "commander";
import { parseEventsRef } from "../cluster/events-refs.js";
import { between, formatObjects, table } from "../cluster/format.js";
import {
  addClusterOptions,
  type ClusterOptions,
  clientFrom,
  OUTPUT_FORMATS,
  type OutputFormat,
  outputOption,
} from "../cluster/options.js";
import { parseRef } from "../cluster/refs.js";
import { renderSummary, renderTree } from "../cluster/tree.js";
import { renderWideTree } from "../cluster/tree-wide.js";

interface GetOptions extends ClusterOptions {
  readonly output?: OutputFormat | "wide";
  readonly report?: string;
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
      "workflow name, or KIND/NAME (workflowtemplate/NAME, clusterworkflowtemplate/NAME, cronworkflow/NAME, eventbus/NAME, eventsource/NAME, sensor/NAME)",
    )
    .addOption(outputOption([...OUTPUT_FORMATS, "wide"]))
    .option(
      "--report <file.html>",
      "write a self-contained HTML report of the workflow: graph coloured by phase, timeline, each node's inputs and outputs",
    );
  addClusterOptions(cmd);
  cmd.addHelpText(
    "after",
    "\nExamples:\n  wfc get hello-x7k2p\n  wfc get workflowtemplate/build -o yaml\n  wfc get hello-x7k2p --report hello.html",
  );
  cmd.action(async (arg: string, opts: GetOptions) => {
    const events = await parseEventsRef(arg);
    if (events) {
      const { getEventsObject } = await import("@wfc/client");
      const obj = await getEventsObject(await clientFrom(opts), events.kind, events.name);
      if (opts.output && opts.output !== "wide") return void process.stdout.write(formatObjects([obj], opts.output));
      return void process.stdout.write(
        table([
          ["NAME", "AGE"],
          [events.name, between(obj.metadata?.creationTimestamp, undefined)],
        ]),
      );
    }
    const { kind, name } = await parseRef(arg);
    if (opts.report && kind !== "Workflow")
      throw new WfcError("E_REPORT_KIND", `--report needs a Workflow, not ${kind}/${name}`);
    const client = await clientFrom(opts);
    const obj = await client.get<KubeObject>(kind, name);
    if (opts.report) {
      const { resolve } = await import("node:path");
      const { writeReport } = await import("../render/index.js");
      await writeReport(resolve(opts.report), obj, { logsNote: `logs are not in this report: wfc logs ${name}` });
      process.stderr.write(`report: ${resolve(opts.report)}\n`);
    }
    if (opts.output && opts.output !== "wide") {
      process.stdout.write(formatObjects([obj], opts.output));
      return;
    }
    if (kind === "Workflow") {
      const wf = obj as Workflow;
      const tree = opts.output === "wide" ? renderWideTree(wf) : renderTree(wf);
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
