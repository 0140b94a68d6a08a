/**
 * `wfc run FILE --event NAME [--payload FILE.json]`: run an event-driven set on this machine. The
 * file's (and `--templates` files') EventSources, Sensors and workflows are loaded and linted as
 * `wfc lint` does; the event is injected as if its EventSource had received it (a webhook call, a
 * bus message); the Sensors are evaluated as Argo Events evaluates them; each trigger that fires
 * runs its Workflow under the local runner, and messages those workflows publish are delivered in
 * turn. One line per event and per trigger, then each workflow's node tree.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Workflow as ClientWorkflow } from "@wfc/client";
import { WfcError } from "@wfc/sdk";
import type { Workflow } from "@wfc/sdk/argo";
import { CommanderError } from "commander";
import { lintFiles } from "../check.js";
import { onInterrupt } from "../cluster/interrupt.js";
import { LintFailed } from "./lint.js";
import { readLocalSource } from "./run-sources.js";

/** Options of `wfc run` that event mode reads. */
export interface RunEventOptions {
  /** The event to inject. */
  readonly event?: string;
  /** Or a Workflow to start (the file's), whose published messages start the chain. */
  readonly start?: Workflow;
  readonly payload?: string;
  readonly templates: readonly string[];
  readonly engine?: string;
  readonly imageMap: readonly string[];
  readonly mount: readonly string[];
  readonly isolate?: boolean;
  readonly configmap: readonly string[];
  readonly secret: readonly string[];
  readonly logs?: boolean;
  readonly runDir?: string;
}

/** `--payload` is not a readable JSON file. */
export class PayloadError extends WfcError {
  constructor(message: string) {
    super("E_RUN_PAYLOAD", message);
    this.name = "PayloadError";
  }
}

/** `--payload` without `--event` (exit 1). */
export class EventUsageError extends WfcError {
  constructor(message: string) {
    super("E_USAGE", message);
    this.name = "EventUsageError";
  }
}

/** A triggered workflow did not succeed (exit code 1). */
export class EventRunFailed extends WfcError {
  constructor(message: string) {
    super("E_RUN_FAILED", message);
    this.name = "EventRunFailed";
  }
}

function readPayload(file: string | undefined): unknown {
  if (file === undefined) return undefined;
  let text: string;
  try {
    text = file === "-" ? readFileSync(0, "utf8") : readFileSync(file, "utf8");
  } catch (e) {
    throw new PayloadError(
      `--payload ${file}: cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new PayloadError(`--payload ${file}: not JSON (${(e as Error).message})`);
  }
}

/**
 * Runs the event chain for `wfc run FILE --event NAME`.
 *
 * @example
 * ```ts
 * await runEventChain("examples/events/chain/pipeline.ts", { event: "file-uploaded", payload: "upload.json", templates: [], imageMap: [], mount: [], configmap: [], secret: [] });
 * ```
 */
export async function runEventChain(
  file: string,
  opts: RunEventOptions,
  linted?: readonly { kind: string; spec?: Record<string, unknown> }[],
): Promise<void> {
  const out = (s: string): void => void process.stdout.write(s);
  const err = (s: string): void => void process.stderr.write(s);
  const payload = readPayload(opts.payload);
  let manifests = linted;
  if (!manifests) {
    const { problems, valid } = await lintFiles([file, ...opts.templates], (line) => err(`${line}\n`));
    if (problems.length) throw new LintFailed(problems.length);
    manifests = valid.map((v) => v.loaded.manifest as unknown as { kind: string; spec?: Record<string, unknown> });
  }
  const runner = await import("@wfc/runner");
  const templates = manifests.filter((m) => m.kind === "WorkflowTemplate" || m.kind === "ClusterWorkflowTemplate");
  const configMaps = Object.fromEntries(opts.configmap.map((s) => readLocalSource(s, "configmap")));
  const secrets = Object.fromEntries(opts.secret.map((s) => readLocalSource(s, "secret")));

  // one executor for every triggered workflow; the container engine only when a template needs one
  // the workflows' templates, and those of the Workflows embedded in the Sensors' triggers
  type Triggers = { template?: Record<string, { source?: { resource?: { spec?: { templates?: unknown[] } } } }> }[];
  const embedded = manifests
    .filter((m) => m.kind === "Sensor")
    .flatMap((m) => ((m.spec?.triggers ?? []) as Triggers).flatMap((t) => Object.values(t.template ?? {})))
    .flatMap((c) => (c && typeof c === "object" ? (c.source?.resource?.spec?.templates ?? []) : []));
  const allTemplates = [
    ...manifests.flatMap((m) => {
      const spec = (m.kind === "CronWorkflow" ? m.spec?.workflowSpec : m.spec) as { templates?: unknown[] } | undefined;
      return spec?.templates ?? [];
    }),
    ...embedded,
  ] as Parameters<typeof runner.containerTemplates>[0];
  const publishing = (t: { metadata?: { annotations?: Record<string, string> } }) =>
    !!t.metadata?.annotations?.[runner.PUBLISH_ANNOTATION];
  const needsEngine =
    runner.containerTemplates(
      allTemplates.filter((t) => !publishing(t)),
      { isolate: !!opts.isolate },
    ).length > 0;
  let containers: InstanceType<typeof runner.ContainerExecutor> | undefined;
  if (needsEngine) {
    const engine = await runner.detectEngine(opts.engine ? { engine: opts.engine } : {});
    containers = new runner.ContainerExecutor({
      engine,
      imageMap: opts.imageMap.map((s) => runner.parseImageMapEntry(s)),
      mounts: opts.mount.map((s) => runner.parseMount(s)),
      configMaps,
      secrets,
      labels: {},
    });
  }
  const inner = new runner.RouterExecutor({
    isolate: !!opts.isolate,
    ...(containers ? { containers } : {}),
    inProcess: new runner.InProcessExecutor({ configMaps, secrets }),
    http: new runner.HttpExecutor({ secrets }),
  });
  const intr = onInterrupt();
  const { renderTree } = await import("../cluster/tree.js");
  const label = (wf: Workflow | undefined): string => wf?.metadata?.name ?? "?";
  const chain: InstanceType<typeof runner.EventChain> = new runner.EventChain({
    manifests,
    maxTriggers: 100,
    onEvent: (r) => {
      const deps = r.dependencies.length
        ? r.dependencies
            .map(
              (d) => `${d.sensor}/${d.dependency} ${d.passed ? "passed" : "rejected"}${d.error ? ` (${d.error})` : ""}`,
            )
            .join("; ")
        : "no sensor waits for it";
      out(`event ${r.index} ${r.ref} (${r.origin}): ${deps}\n`);
      for (const d of r.dependencies)
        for (const [t, waiting] of Object.entries(d.waiting))
          out(`  trigger ${d.sensor}/${t} waits (has: ${waiting.join(", ") || "nothing"})\n`);
    },
    onTrigger: (t, stage) => {
      const args = Object.entries(t.arguments)
        .map(([k, v]) => `${k}=${v}`)
        .join(" ");
      if (stage === "fired") {
        const what =
          t.action === "run"
            ? `runs workflow ${String((t.submitted?.metadata as { generateName?: string; name?: string } | undefined)?.name ?? (t.submitted?.metadata as { generateName?: string } | undefined)?.generateName ?? "?")}${args ? ` (${args})` : ""}`
            : t.action === "log"
              ? `logs: ${JSON.stringify(Object.fromEntries(Object.entries(t.firing.events).map(([k, e]) => [k, e.data])))}`
              : t.action === "failed"
                ? `failed: ${t.reason}`
                : `not performed: ${t.reason}`;
        out(`  trigger ${t.sensor}/${t.trigger} fired (${t.type}${t.operation ? ` ${t.operation}` : ""}): ${what}\n`);
      } else if (t.result)
        out(`workflow ${label(t.result.workflow)} ${t.result.phase} (trigger ${t.sensor}/${t.trigger})\n`);
      else if (t.error) out(`workflow of trigger ${t.sensor}/${t.trigger} did not run: ${t.error}\n`);
    },
    run: async (wf, record) => {
      const result = await runner.execute(wf, {
        executor: chain.executor(inner),
        templates,
        configMaps,
        secrets,
        signal: intr.signal,
        ...(opts.runDir
          ? {
              runDir: resolve(
                opts.runDir,
                `${record.index}-${wf.metadata?.name ?? wf.metadata?.generateName ?? "workflow"}`,
              ),
            }
          : {}),
        ...(opts.logs ? { onLog: (nodeName: string, line: string) => void out(`${nodeName}: ${line}\n`) } : {}),
      });
      return { phase: result.phase, workflow: result.workflow };
    },
  });
  let started: { phase: string; workflow: Workflow } | undefined;
  try {
    if (opts.start) {
      out(
        `workflow ${opts.start.metadata?.name ?? opts.start.metadata?.generateName ?? "?"} starts (the sensors listen)\n`,
      );
      const r = await runner.execute(opts.start, {
        executor: chain.executor(inner),
        templates,
        configMaps,
        secrets,
        signal: intr.signal,
        ...(opts.runDir ? { runDir: resolve(opts.runDir) } : {}),
        ...(opts.logs ? { onLog: (nodeName: string, line: string) => void out(`${nodeName}: ${line}\n`) } : {}),
      });
      started = { phase: r.phase, workflow: r.workflow };
      out(`workflow ${label(r.workflow)} ${r.phase}\n`);
    }
    if (opts.event !== undefined) await chain.send(opts.event, payload);
    await chain.settled();
  } finally {
    await inner.close();
    intr.dispose();
  }
  if (started) out(`\n${label(started.workflow)}:\n${renderTree(started.workflow as unknown as ClientWorkflow)}`);
  for (const t of chain.triggers)
    if (t.result) out(`\n${label(t.result.workflow)}:\n${renderTree(t.result.workflow as unknown as ClientWorkflow)}`);
  const ran = chain.triggers.filter((t) => t.action === "run");
  const bad = ran.filter((t) => t.result?.phase !== "Succeeded");
  out(
    `\n${chain.events.length} event${chain.events.length === 1 ? "" : "s"}, ${chain.triggers.length} trigger${chain.triggers.length === 1 ? "" : "s"} fired, ${ran.length} workflow${ran.length === 1 ? "" : "s"} run${bad.length ? `, ${bad.length} did not succeed` : ""}\n`,
  );
  if (intr.interrupted()) throw new CommanderError(130, "commander.executeSubCommandAsync", "interrupted");
  if (started && started.phase !== "Succeeded")
    throw new EventRunFailed(`workflow ${label(started.workflow)} ${started.phase}`);
  if (bad.length)
    throw new EventRunFailed(
      bad
        .map(
          (t) =>
            `trigger ${t.sensor}/${t.trigger}: ${t.result ? `workflow ${label(t.result.workflow)} ${t.result.phase}` : `did not run: ${t.error}`}`,
        )
        .join("; "),
    );
}
