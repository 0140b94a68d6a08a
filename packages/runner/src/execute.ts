import { join } from "node:path";
import type { Workflow, WorkflowSpec } from "@wfc/sdk/argo";
import { manifestIssues } from "@wfc/sdk/validate";
import { realClock } from "./clock.js";
import { killAllDaemons } from "./daemons.js";
import { RunnerCodes, RunnerError } from "./errors.js";
import { executeTemplate } from "./execute-template.js";
import { execSpec, resolveArguments, toWorkflow } from "./manifest.js";
import { podNameFor } from "./node-id.js";
import type { RunNode } from "./node-tree.js";
import { failedOrError, fulfilled } from "./node-tree.js";
import { registerWorkflow } from "./resources/run-objects.js";
import { rfc3339 } from "./rfc3339.js";
import { writeRunFile, writeStatus } from "./run-dir.js";
import type { ExecuteOptions, ExecuteResult } from "./run-options.js";
import { RunState } from "./run-state.js";
import { setGlobalParameters } from "./scope.js";
import { contextOf, TemplateResolver, templateObjects } from "./template-resolution.js";
import { preflight } from "./validate-run.js";
import { runWorkflowHooks } from "./workflow-hooks.js";

/**
 * Runs an Argo workflow on this machine with Argo v4.1's semantics, through `options.executor`,
 * and resolves with the final Workflow (status in Argo's shape). A WorkflowTemplate or
 * ClusterWorkflowTemplate runs as `argo submit --from` would; a CronWorkflow runs its workflowSpec.
 * Rejects with a {@link RunnerError} (before anything runs) when the manifest cannot run here.
 *
 * @example
 * ```ts
 * import { execute } from "@wfc/runner";
 * const { phase, workflow } = await execute(manifest, { executor, parameters: { message: "hi" } });
 * console.log(phase, Object.values(workflow.status?.nodes ?? {}).map((n) => n.displayName));
 * ```
 */
export async function execute(manifest: Workflow, options: ExecuteOptions): Promise<ExecuteResult> {
  if (options.validate !== false) assertValid(manifest, options.templates);
  const wf = toWorkflow(manifest, options.name);
  const objects = templateObjects(options.templates);
  const resolver = new TemplateResolver(objects);
  const byKey = new Map<string, { spec: WorkflowSpec }>();
  for (const o of objects) byKey.set(`${o.kind}/${o.metadata.name ?? ""}`, o);
  const spec = execSpec(wf, resolver, byKey);
  const name = wf.metadata.name ?? "";
  const root = contextOf("Workflow", name, spec);
  const problems = preflight(spec, root, resolver, { resources: options.resources === "memory" });
  if (problems.length) {
    throw new RunnerError(
      problems[0]!.code,
      `cannot run workflow ${name} locally:\n${problems.map((p) => `  ${p.message}${p.hint ? ` (${p.hint})` : ""}`).join("\n")}`,
      problems,
    );
  }
  const params = resolveArguments(spec, options.parameters, options.configMaps);
  const clock = options.clock ?? realClock;
  const runDir = options.runDir ?? join(".wfc", "runs", name);
  const run = new RunState(wf, spec, root, resolver, clock, options.executor, options, runDir, executeTemplate);
  setGlobalParameters(run, params);
  registerWorkflow(run);
  const args = { ...(spec.arguments ?? {}), parameters: params };
  if (!args.parameters.length) delete (args as { parameters?: unknown }).parameters;

  // Stop: options.signal (Ctrl-C: Argo's Terminate) and spec.activeDeadlineSeconds.
  const stop = (message: string, deadline: boolean) => {
    if (run.stopped) return;
    run.stopMessage = message;
    run.stopIsDeadline = deadline;
    run.stop.abort(new Error(message));
  };
  const onSignal = () => stop("Stopped with strategy 'Terminate'", false);
  if (options.signal?.aborted) onSignal();
  options.signal?.addEventListener("abort", onSignal, { once: true });
  if (spec.shutdown) stop(`Stopped with strategy '${spec.shutdown}'`, false);
  const deadlineTimer = new AbortController();
  if (spec.activeDeadlineSeconds !== undefined) {
    clock.sleep(spec.activeDeadlineSeconds * 1000, deadlineTimer.signal).then(
      () => stop("Step exceeded its deadline", true),
      () => {},
    );
  }

  let entry: RunNode;
  try {
    run.changed();
    if (spec.suspend) {
      // spec.suspend: the workflow starts suspended until resumed.
      if (!options.onSuspend)
        throw new RunnerError(
          RunnerCodes.invalid,
          `workflow ${name} is suspended (spec.suspend): run with --resume to resume it`,
        );
      await options.onSuspend(name, run.stop.signal);
    }
    const hooks = runWorkflowHooks(run);
    entry = await run.executeTemplate(name, { template: spec.entrypoint ?? "" }, root, args, {});
    const phase = workflowPhase(entry);
    run.global["workflow.status"] = phase;
    run.global["workflow.failures"] = JSON.stringify(failures(run));
    await hooks.settle();
    let onExit: RunNode | undefined;
    const exitHook = spec.onExit ? { template: spec.onExit } : spec.hooks?.exit;
    const terminated = run.stopped && !run.stopIsDeadline && run.stopMessage?.includes("Terminate");
    if (exitHook && !terminated) {
      onExit = await run.executeTemplate(
        `${name}.onExit`,
        exitHook,
        root,
        exitHook.arguments?.parameters?.length || exitHook.arguments?.artifacts?.length ? exitHook.arguments : args,
        {
          onExitTemplate: true,
          nodeFlag: { hooked: true },
        },
      );
    }
    let message = entry.message;
    if (failedOrError(entry.phase) && run.stopped && !run.stopIsDeadline) message = run.stopMessage;
    if (phase === "Succeeded" && onExit && failedOrError(onExit.phase)) {
      run.status = {
        phase: onExit.phase === "Failed" ? "Failed" : "Error",
        ...(onExit.message ? { message: onExit.message } : {}),
      };
    } else {
      run.status = { phase, ...(phase !== "Succeeded" && message ? { message } : {}) };
    }
  } catch (e) {
    run.status = { phase: "Error", message: (e as Error).message };
  } finally {
    deadlineTimer.abort();
    options.signal?.removeEventListener("abort", onSignal);
    killAllDaemons(run);
    // ReleaseAll: a completed workflow has no status.synchronization
    run.lockWaiting.clear();
    for (const n of run.tree.nodes.values()) {
      if (!fulfilled(n.phase) && !(n.daemoned && n.phase === "Running"))
        run.tree.mark(n, "Failed", run.stopMessage ?? "workflow ended");
    }
    await options.executor.close?.();
  }
  run.status.finishedAt = rfc3339(clock.now());
  const final = run.snapshot();
  run.onUpdate?.(final);
  run.onUpdate = undefined;
  writeStatus(runDir, final);
  const resources = run.resources?.list();
  if (resources) writeRunFile(runDir, "resources.json", resources);
  return {
    workflow: final,
    phase: run.status.phase as ExecuteResult["phase"],
    runDir,
    ...(resources ? { resources } : {}),
  };
}

/** The manifest (and the templates given): CRD schema and semantic checks, as `wfc lint` checks them. */
function assertValid(manifest: unknown, templates: readonly unknown[] | undefined): void {
  const problems: { code: string; message: string }[] = [];
  const check = (doc: unknown) => {
    const d = doc as { kind?: string; metadata?: { name?: string; generateName?: string } };
    const what = `${d?.kind ?? "manifest"} ${d?.metadata?.name ?? d?.metadata?.generateName ?? ""}`.trim();
    for (const i of manifestIssues(doc))
      problems.push({ code: RunnerCodes.invalid, message: `${what}: ${i.path ? `${i.path}: ` : ""}${i.message}` });
  };
  check(manifest);
  for (const t of templates ?? []) {
    const k = (t as { kind?: string })?.kind;
    if (k === "WorkflowTemplate" || k === "ClusterWorkflowTemplate") check(t);
  }
  if (problems.length)
    throw new RunnerError(
      RunnerCodes.invalid,
      `invalid manifest:\n${problems.map((p) => `  ${p.message}`).join("\n")}`,
      problems,
    );
}

function workflowPhase(entry: RunNode): "Succeeded" | "Failed" | "Error" {
  switch (entry.phase) {
    case "Succeeded":
    case "Skipped":
    case "Omitted":
      return "Succeeded";
    case "Failed":
      return "Failed";
    case "Error":
      return "Error";
    default:
      throw new RunnerError(RunnerCodes.invalid, `internal: the entry node ended ${entry.phase}`);
  }
}

/** `workflow.failures`: the Failed and Error nodes, as Argo's `failedNodeStatus` JSON. */
function failures(run: RunState): unknown[] {
  const out: unknown[] = [];
  for (const id of run.tree.order) {
    const n = run.tree.get(id)!;
    if (n.phase !== "Failed" && n.phase !== "Error") continue;
    const templateName = n.templateName ?? n.templateRef?.template ?? "";
    out.push({
      displayName: n.displayName,
      message: n.message ?? "",
      templateName,
      phase: n.phase,
      podName: podNameFor(run.name, n.name, templateName),
      finishedAt: n.finishedAt ?? null,
    });
  }
  return out;
}
