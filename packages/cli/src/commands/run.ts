/**
 * `wfc run`: execute a workflow on this machine, without Kubernetes, with Argo's semantics:
 * containers through podman/docker, node scripts in-process, the live node tree of
 * `submit --watch`, logs and artifacts under `.wfc/runs/NAME/`.
 */
import { resolve } from "node:path";
import type { Workflow } from "@wfc/client";
import { WfcError } from "@wfc/sdk";
import type { Workflow as ArgoWorkflow, Template } from "@wfc/sdk/argo";
import { type Command, CommanderError, Option } from "commander";
import { onInterrupt } from "../cluster/interrupt.js";
import { collectParameter } from "../cluster/params.js";
import { loadRunTarget } from "./run-load.js";
import { collectRepeated, readLocalSource } from "./run-sources.js";

/** Parsed options of `wfc run`. */
interface RunOptions {
  readonly parameter: Record<string, string>;
  readonly templates: string[];
  readonly engine?: string;
  readonly imageMap: string[];
  readonly mount: string[];
  readonly isolate?: boolean;
  readonly artifactRepo?: string;
  readonly configmap: string[];
  readonly secret: string[];
  readonly resume?: boolean;
  readonly logs?: boolean;
  readonly output?: "json" | "yaml";
  readonly runDir?: string;
  readonly name?: string;
  readonly report?: string;
  readonly resources?: "memory";
  readonly event?: string;
  readonly payload?: string;
}

/** The workflow ran and did not succeed (exit code 1). */
export class RunFailed extends WfcError {
  constructor(message: string) {
    super("E_RUN_FAILED", message);
    this.name = "RunFailed";
  }
}

type Node = NonNullable<NonNullable<ArgoWorkflow["status"]>["nodes"]>[string];

/** The node to blame: the first pod-like node that failed, else any failed node, else the workflow's message. */
function failureLine(wf: ArgoWorkflow): string {
  const name = wf.metadata?.name ?? "";
  const nodes = Object.values(wf.status?.nodes ?? {}) as Node[];
  const bad = nodes.filter((n) => (n.phase === "Failed" || n.phase === "Error") && n.id !== name);
  const leaf = bad.filter(
    (n) =>
      n.type === "Pod" ||
      n.type === "HTTP" ||
      n.type === "Container" ||
      n.type === "Suspend" ||
      !(n.children ?? []).length,
  );
  const pick = [...(leaf.length ? leaf : bad)].sort((a, b) =>
    String(a.finishedAt ?? "").localeCompare(String(b.finishedAt ?? "")),
  )[0];
  const phase = wf.status?.phase ?? "Failed";
  if (!pick) return `workflow ${name} ${phase}${wf.status?.message ? `: ${wf.status.message}` : ""}`;
  return `workflow ${name} ${phase}: node ${pick.displayName ?? pick.name} (${pick.name}) ${pick.phase}${pick.message ? `: ${pick.message}` : ""}`;
}

function allTemplates(
  workflow: { spec: Record<string, unknown> },
  templates: readonly { spec: Record<string, unknown> }[],
): Template[] {
  const own = (workflow.spec.templates ?? []) as Template[];
  return [...own, ...templates.flatMap((t) => (t.spec.templates ?? []) as Template[])];
}

/** Waits for one key on a TTY (Ctrl-C stops the run). */
function keypress(signal: AbortSignal, onCtrlC: () => void): Promise<void> {
  return new Promise((res, rej) => {
    const stdin = process.stdin;
    const was = stdin.isRaw;
    stdin.setRawMode?.(true);
    stdin.resume();
    const done = (): void => {
      stdin.off("data", onData);
      signal.removeEventListener("abort", onAbort);
      stdin.setRawMode?.(was);
      stdin.pause();
    };
    const onData = (d: Buffer): void => {
      done();
      if (d[0] === 3) {
        onCtrlC();
        rej(new Error("stopped"));
      } else res();
    };
    const onAbort = (): void => {
      done();
      rej(signal.reason);
    };
    stdin.on("data", onData);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * Registers `wfc run`.
 *
 * @example
 * ```ts
 * registerRun(program); // wfc run pipeline.ts -p count=3 --image-map 'python:*=localhost/python:3.12'
 * ```
 */
export function registerRun(program: Command): void {
  const cmd = program
    .command("run")
    .description(
      "run a workflow on this machine (no Kubernetes): containers with podman or Docker, node scripts in-process",
    )
    .argument(
      "<file>",
      "pipeline module (.ts, .js) or manifest (.yaml, .yml, .json): a Workflow, WorkflowTemplate or CronWorkflow",
    )
    .argument("[name]", "which one to run when the file defines several (metadata.name or generateName)")
    .option(
      "-p, --parameter <key=value>",
      "set a workflow parameter (repeatable); checked against the declared parameters",
      collectParameter,
      {},
    )
    .option(
      "--templates <path>",
      "WorkflowTemplates/ClusterWorkflowTemplates that templateRef may name (file; repeatable)",
      collectRepeated,
      [],
    )
    .option(
      "--engine <path>",
      "container engine binary taking `docker run` arguments (default: WFC_ENGINE, else podman or docker, whichever answers)",
    )
    .option(
      "--image-map <pattern=image>",
      "run images matching the glob PATTERN with IMAGE (repeatable, first match wins); IMAGE rootfs:/ uses this machine's root file system (podman only)",
      collectRepeated,
      [],
    )
    .option("--mount <host:path[:ro]>", "bind-mount a host path into every container (repeatable)", collectRepeated, [])
    .option("--isolate", "run node scripts in their image too, instead of in-process")
    .option(
      "--artifact-repo <dir>",
      "local directory standing in for every s3/gcs/azure/... artifact repository (default: <run dir>/artifacts)",
    )
    .option(
      "--configmap <name=path>",
      "a ConfigMap from a file or directory of key files (repeatable)",
      collectRepeated,
      [],
    )
    .option("--secret <name=path>", "a Secret from a file or directory of key files (repeatable)", collectRepeated, [])
    .option("--resume", "resume suspended nodes that have no duration at once (on a terminal, a keypress resumes them)")
    .option("--logs", "print every node's log lines as they come, prefixed by the node")
    .addOption(
      new Option("-o, --output <format>", "print the final Workflow with its status").choices(["json", "yaml"]),
    )
    .option(
      "--run-dir <dir>",
      "where the run keeps status.json, logs and artifacts (default: .wfc/runs/<workflow name>)",
    )
    .option("--name <name>", "the workflow's name (instead of generateName + random characters)")
    .addOption(
      new Option(
        "--resources <store>",
        "let resource templates act on a per-run in-memory object store holding the run's Workflow and pods (kept in <run dir>/resources.json)",
      ).choices(["memory"]),
    )
    .option(
      "--report <file.html>",
      "write a self-contained HTML report: graph coloured by phase, timeline, each node's inputs, outputs and logs",
    )
    .option(
      "--event <name>",
      "inject event NAME (EVENT or SOURCE/EVENT of the file's EventSources) and run the Sensors and the workflows they trigger",
    )
    .option(
      "--payload <file.json>",
      "the injected event's payload (the webhook request body, the message body); - reads stdin",
    );
  cmd.addHelpText(
    "after",
    `
Examples:
  wfc run examples/quickstart.ts
  wfc run examples/etl.ts -p date=2026-01-02 --image-map 'python:*=localhost/etl:dev'
  wfc run hello.yaml --logs -o yaml
  wfc run examples/etl.ts --report report.html
  wfc run workflow-template.yaml --templates shared-templates.yaml
  wfc run k8s-patch-pod.yaml --resources memory
  wfc run examples/events/chain/pipeline.ts --event file-uploaded --payload upload.json

Exit codes: 0 the workflow Succeeded, 1 invalid input or the workflow did not succeed, 2 usage error, 130 interrupted.`,
  );
  cmd.action(async (file: string, which: string | undefined, opts: RunOptions) => {
    if (opts.event !== undefined || opts.payload !== undefined) {
      const { runEventChain, EventUsageError } = await import("./run-events.js");
      if (opts.event === undefined)
        throw new EventUsageError("--payload needs --event NAME (the event it is the payload of)");
      return runEventChain(file, { ...opts, event: opts.event });
    }
    const err = (s: string): void => void process.stderr.write(s);
    const runner = await import("@wfc/runner");
    const { workflow, templates, manifests } = await loadRunTarget(file, which, opts.templates, opts.parameter, err);
    // an event-driven set: the workflow runs with the sensors listening, and its messages are delivered
    if (manifests.some((m) => m.kind === "Sensor")) {
      const { runEventChain } = await import("./run-events.js");
      return runEventChain(file, { ...opts, start: workflow as unknown as ArgoWorkflow }, manifests);
    }
    const configMaps = Object.fromEntries(opts.configmap.map((s) => readLocalSource(s, "configmap")));
    const secrets = Object.fromEntries(opts.secret.map((s) => readLocalSource(s, "secret")));
    const imageMap = opts.imageMap.map((s) => runner.parseImageMapEntry(s));
    const mounts = opts.mount.map((s) => runner.parseMount(s));

    // The engine, and the preflight: a workflow with container templates and no engine stops here.
    let engine: Awaited<ReturnType<typeof runner.detectEngine>> | undefined;
    let engineError: Error | undefined;
    const templatesAll = allTemplates(workflow, templates);
    const needsEngine = runner.containerTemplates(templatesAll, { isolate: !!opts.isolate }).length > 0;
    if (needsEngine) {
      try {
        engine = await runner.detectEngine(opts.engine ? { engine: opts.engine } : {});
      } catch (e) {
        if (!(e instanceof runner.ExecutorError)) throw e;
        engineError = e;
      }
      runner.preflight(templatesAll, { isolate: !!opts.isolate, ...(engineError ? { engineError } : {}) });
    }
    const containers = engine
      ? new runner.ContainerExecutor({ engine, imageMap, mounts, configMaps, secrets, labels: {} })
      : undefined;
    const executor = new runner.RouterExecutor({
      isolate: !!opts.isolate,
      ...(containers ? { containers } : {}),
      inProcess: new runner.InProcessExecutor({ configMaps, secrets }),
      http: new runner.HttpExecutor({ secrets }),
    });

    const progressOut = opts.output ? process.stderr : process.stdout;
    const { progressPrinter } = await import("../cluster/progress.js");
    const { renderTree } = await import("../cluster/tree.js");
    // with --logs, lines and the tree would fight over a redrawn screen: print changes as lines
    const printer = progressPrinter(opts.logs ? { write: (s: string) => progressOut.write(s) } : progressOut);
    let latest: ArgoWorkflow | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = (): void => {
      timer = undefined;
      if (latest) printer.update(latest as unknown as Workflow);
    };
    const intr = onInterrupt();
    const prefix = (nodeName: string): string => {
      const name = latest?.metadata?.name;
      return name && nodeName.startsWith(`${name}.`) ? nodeName.slice(name.length + 1) : nodeName;
    };
    let result: Awaited<ReturnType<typeof runner.execute>>;
    const t0 = performance.now();
    try {
      result = await runner.execute(workflow as unknown as ArgoWorkflow, {
        executor,
        templates,
        ...(opts.runDir ? { runDir: resolve(opts.runDir) } : {}),
        ...(opts.artifactRepo ? { artifactRepo: resolve(opts.artifactRepo) } : {}),
        ...(opts.name ? { name: opts.name } : {}),
        ...(opts.resources ? { resources: opts.resources } : {}),
        configMaps,
        secrets,
        signal: intr.signal,
        onUpdate: (wf) => {
          latest = wf;
          // redraws are throttled: a 1000-node DAG changes faster than a terminal draws
          timer ??= setTimeout(flush, progressOut.isTTY && !opts.logs ? 100 : 0);
        },
        ...(opts.logs
          ? { onLog: (nodeName: string, line: string) => void progressOut.write(`${prefix(nodeName)}: ${line}\n`) }
          : {}),
        ...(opts.resume || process.stdin.isTTY
          ? {
              onSuspend: async (nodeName: string, signal: AbortSignal) => {
                if (opts.resume) {
                  err(`${prefix(nodeName)}: suspended; resuming (--resume)\n`);
                  return;
                }
                err(`${prefix(nodeName)}: suspended; press a key to resume it (Ctrl-C stops the workflow)\n`);
                await keypress(signal, () => process.kill(process.pid, "SIGINT"));
              },
            }
          : {}),
      });
    } catch (e) {
      // the message lists every problem already; main would print them again, without a file
      if (e instanceof runner.RunnerError) throw new WfcError(e.code, e.message, { cause: e });
      throw e;
    } finally {
      if (timer) clearTimeout(timer);
      await executor.close();
      intr.dispose();
    }
    const wf = result.workflow;
    printer.update(wf as unknown as Workflow);
    printer.finish(wf as unknown as Workflow);
    if (!progressOut.isTTY || opts.logs) progressOut.write(`\n${renderTree(wf as unknown as Workflow)}`);
    const took = ` in ${((performance.now() - t0) / 1000).toFixed(1)}s`;
    progressOut.write(`\n${wf.metadata?.name} ${result.phase}${took} (run directory: ${result.runDir})\n`);
    if (opts.report) {
      const { writeReport } = await import("../render/index.js");
      await writeReport(resolve(opts.report), wf, { runDir: result.runDir });
      progressOut.write(`report: ${resolve(opts.report)}\n`);
    }
    if (opts.output) {
      const { formatObjects } = await import("../cluster/format.js");
      process.stdout.write(formatObjects([wf as never], opts.output));
    }
    if (intr.interrupted()) {
      err(`interrupted: every container was stopped and removed\n`);
      throw new CommanderError(130, "commander.executeSubCommandAsync", "interrupted");
    }
    if (result.phase !== "Succeeded") throw new RunFailed(failureLine(wf));
  });
}
