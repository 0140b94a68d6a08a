/**
 * `wfc logs`: the `main` container logs of a workflow's pods, each line
 * prefixed with its node name; `-f` follows until the workflow completes.
 */
import type { Workflow, WorkflowClient } from "@wfc/client";
import { WfcError } from "@wfc/sdk/internal";
import { type Command, InvalidArgumentError, Option } from "commander";
import { onInterrupt } from "../cluster/interrupt.js";
import { addClusterOptions, type ClusterOptions, clientFrom, parseDuration } from "../cluster/options.js";

interface LogsOptions extends ClusterOptions {
  readonly follow?: boolean;
  readonly task?: string;
  readonly container: string;
  readonly prefix: boolean;
  readonly since?: number;
  readonly tail?: number;
  readonly grep?: RegExp;
  readonly timestamps?: boolean;
}

function parseTail(v: string): number {
  if (!/^\d+$/.test(v)) throw new InvalidArgumentError(`"${v}" is not a number of lines`);
  return Number(v);
}

function parseGrep(v: string): RegExp {
  try {
    return new RegExp(v);
  } catch (e) {
    throw new InvalidArgumentError(`"${v}" is not a regular expression: ${(e as Error).message}`);
  }
}

/** Why a workflow printed no log lines: it has no pods (for the task), or its pods printed nothing. */
async function whyNoLogs(client: WorkflowClient, name: string, task: string | undefined): Promise<string> {
  const wf = await client.get<Workflow>("Workflow", name);
  const nodes = Object.values(wf.status?.nodes ?? {}).filter(
    (n) => n.type === "Pod" && (!task || n.displayName === task || n.name === task),
  );
  const phase = wf.status?.phase ?? "Pending";
  if (!nodes.length) return `workflow ${name} has no pods${task ? ` for task ${task}` : ""} (phase ${phase})`;
  if (client.mode === "kubernetes") {
    const pods = await client.raw<{ items?: unknown[] }>({
      method: "GET",
      path: `/api/v1/namespaces/${encodeURIComponent(client.namespace)}/pods?${new URLSearchParams({ labelSelector: `workflows.argoproj.io/workflow=${name}` })}`,
      action: `listing the pods of Workflow "${name}" in namespace "${client.namespace}"`,
      permission: "list pods",
      namespace: client.namespace,
    });
    if (!pods.items?.length)
      return `the pods of workflow ${name} no longer exist (phase ${phase}; deleted, e.g. by podGC or a retry), so their logs are gone`;
  }
  return `the ${nodes.length === 1 ? "pod" : `${nodes.length} pods`} of workflow ${name}${task ? ` (task ${task})` : ""} printed no log lines`;
}

/** The task and step names a workflow has: in its spec's DAGs and steps, and in its status's nodes. */
function taskNames(wf: Workflow): Set<string> {
  const names = new Set<string>();
  const spec = (wf as { spec?: { templates?: unknown[] } }).spec;
  for (const t of spec?.templates ?? []) {
    const tmpl = t as { dag?: { tasks?: { name?: string }[] }; steps?: { name?: string }[][] };
    for (const task of tmpl.dag?.tasks ?? []) if (task.name) names.add(task.name);
    for (const group of tmpl.steps ?? []) for (const step of group ?? []) if (step.name) names.add(step.name);
  }
  for (const n of Object.values(wf.status?.nodes ?? {})) {
    if (n.displayName) names.add(n.displayName);
    if (n.name) names.add(n.name);
  }
  return names;
}

/** Fails (exit 1) when `--task` names no task or step of the workflow, listing the ones it has. */
async function checkTask(client: WorkflowClient, name: string, task: string): Promise<void> {
  const wf = await client.get<Workflow>("Workflow", name);
  const names = taskNames(wf);
  // Loop items and retries are nodes named `task(0:a)`: the task's own name matches them.
  const base = task.replace(/\(.*$/, "");
  if (names.has(task) || names.has(base)) return;
  const known = [...names].filter((n) => !n.includes(".") && !n.includes("(")).sort();
  throw new WfcError(
    "E_NO_TASK",
    `workflow ${name} has no task or step named "${task}"${known.length ? ` (it has: ${known.slice(0, 20).join(", ")}${known.length > 20 ? ", ..." : ""})` : ""}`,
  );
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
    .option("--no-prefix", "do not prefix lines with the node name")
    .addOption(
      new Option("--since <duration>", "only lines newer than this (e.g. 10s, 5m, 1h)").argParser(parseDuration),
    )
    .addOption(new Option("--tail <lines>", "only the last N lines of each pod").argParser(parseTail))
    .addOption(new Option("--grep <regexp>", "only lines matching this regular expression").argParser(parseGrep))
    .option("--timestamps", "prefix each line with its timestamp");
  addClusterOptions(cmd);
  cmd.addHelpText(
    "after",
    "\nExamples:\n  wfc logs hello-x7k2p\n  wfc logs hello-x7k2p -f --task build\n  wfc logs hello-x7k2p --since 10m --tail 20 --grep ERROR --timestamps",
  );
  cmd.action(async (name: string, opts: LogsOptions) => {
    const client = await clientFrom(opts);
    if (opts.task) await checkTask(client, name, opts.task);
    const intr = onInterrupt();
    let lines = 0;
    try {
      for await (const line of client.logs(name, {
        follow: !!opts.follow,
        container: opts.container,
        signal: intr.signal,
        ...(opts.task ? { task: opts.task } : {}),
        ...(opts.since !== undefined ? { sinceSeconds: Math.max(1, Math.ceil(opts.since / 1000)) } : {}),
        ...(opts.tail !== undefined ? { tailLines: opts.tail } : {}),
        ...(opts.timestamps ? { timestamps: true } : {}),
      })) {
        if (opts.grep && !opts.grep.test(line.text)) continue;
        lines++;
        process.stdout.write(opts.prefix ? `${line.nodeName}: ${line.text}\n` : `${line.text}\n`);
      }
    } finally {
      intr.dispose();
    }
    if (intr.interrupted()) process.exit(130);
    // like `argo logs`, nothing to print is not an error (exit 0), but wfc says why on stderr
    if (!lines)
      process.stderr.write(
        opts.grep
          ? `wfc: no log lines of workflow ${name} match ${opts.grep}\n`
          : `wfc: ${await whyNoLogs(client, name, opts.task)}\n`,
      );
  });
}
