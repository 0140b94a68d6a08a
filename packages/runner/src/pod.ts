import { mkdir, readFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import type { Outputs, Parameter, Template } from "@wfc/sdk/argo";
import { collectOutputArtifacts, stageInputArtifacts } from "./artifacts.js";
import { refuseAfterFailure, withBoundarySlot } from "./boundary-slots.js";
import type { Call } from "./call.js";
import { nodeBase } from "./call.js";
import { runDataTemplate } from "./data-template.js";
import { parseDurationMs } from "./duration.js";
import type { ExecOpts } from "./exec-opts.js";
import type { CollectedPath, PodRequest, PodResult, StagedFile } from "./executor.js";
import { addParamToGlobalScope } from "./global-outputs.js";
import { podNameFor } from "./node-id.js";
import type { RunNode } from "./node-tree.js";
import { registerPod } from "./resources/run-objects.js";
import { capResult, hasOutputResultRef } from "./result-capture.js";
import { appendLog } from "./run-dir.js";
import { templateType } from "./template-resolution.js";
import { podVolumes, resolveEnv } from "./volumes.js";

/** Where Argo's executor puts a script template's source. */
export const scriptPath = "/argo/staging/script";

const deadlineMessage = "Pod was active on the node longer than the specified deadline";

/**
 * Runs one pod node (container, script, containerSet, data, http) through the executor: stages
 * inputs, enforces deadlines, reads outputs as Argo's executor does.
 */
export function executePod(call: Call, nodeName: string, tmpl: Template, opts: ExecOpts): Promise<RunNode> {
  const { run } = call;
  return withBoundarySlot(run, opts.boundaryID, async () => {
    const release = run.podSlots ? await run.podSlots.acquire() : undefined;
    try {
      // the workflow's parallelism may have kept it waiting too
      if (release) refuseAfterFailure(run, opts.boundaryID);
      return await runPod(call, nodeName, tmpl, opts);
    } finally {
      release?.();
    }
  });
}

async function runPod(call: Call, nodeName: string, tmpl: Template, opts: ExecOpts): Promise<RunNode> {
  const { run } = call;
  const type = templateType(tmpl) === "HTTP" ? "HTTP" : "Pod";
  const existing = run.tree.byName(nodeName);
  const node = existing ?? run.tree.init(nodeName, { type, phase: "Pending", ...nodeBase(call, opts, tmpl) });
  if (run.stopped && !opts.onExitTemplate) return run.tree.mark(node, "Failed", run.stopMessage);
  const podName = podNameFor(run.name, nodeName, tmpl.name ?? "");
  const workdir = join(run.runDir, "pods", podName);
  const template: Template = structuredClone(tmpl);
  const stage: StagedFile[] = [];
  const collect: CollectedPath[] = [];
  if (template.script) {
    stage.push({ containerPath: scriptPath, content: template.script.source, mode: 0o755 });
    template.script.args = [...(template.script.args ?? []), scriptPath];
  }
  for (const p of template.outputs?.parameters ?? []) {
    if (p.valueFrom?.path) {
      collect.push({
        containerPath: p.valueFrom.path,
        hostPath: join(workdir, "outputs", "parameters", p.name),
        optional: p.valueFrom.default !== undefined,
      });
    }
  }
  for (const a of template.outputs?.artifacts ?? []) {
    if (a.path)
      collect.push({
        containerPath: a.path,
        hostPath: join(workdir, "outputs", "artifacts", a.name),
        optional: a.optional === true,
      });
  }
  try {
    await run.io(mkdir(workdir, { recursive: true }));
    stage.push(...(await run.io(stageInputArtifacts(run, template, workdir))));
  } catch (e) {
    return run.tree.mark(node, "Error", (e as Error).message);
  }
  try {
    resolveEnv(run, template);
  } catch (e) {
    return run.tree.mark(node, "Error", (e as Error).message);
  }
  const volumes = await run.io(podVolumes(run, template, podName)).catch((e: Error) => e);
  if (volumes instanceof Error) return run.tree.mark(node, "Error", volumes.message);

  // Deadlines: the template's activeDeadlineSeconds/timeout, backoff.maxDuration, the workflow's.
  const ac = new AbortController();
  let why: "deadline" | "stop" | undefined;
  const limits: number[] = [];
  if (tmpl.activeDeadlineSeconds !== undefined) limits.push(Number(tmpl.activeDeadlineSeconds) * 1000);
  if (tmpl.timeout) limits.push(parseDurationMs(tmpl.timeout));
  if (opts.executionDeadline) limits.push(Math.max(0, opts.executionDeadline - run.clock.now()));
  const timer = new AbortController();
  if (limits.length > 0) {
    run.clock.sleep(Math.min(...limits), timer.signal).then(
      () => {
        why ??= "deadline";
        ac.abort(new Error(deadlineMessage));
      },
      () => {},
    );
  }
  // A stop ends every pod; exit handlers keep running unless it is a Terminate (Ctrl-C).
  const onStop = () => {
    if (opts.onExitTemplate && !run.stopMessage?.includes("'Terminate'")) return;
    why ??= "stop";
    ac.abort(new Error(run.stopMessage));
  };
  run.stop.signal.addEventListener("abort", onStop, { once: true });
  const logName = podName;
  const request: PodRequest = {
    nodeId: node.id,
    nodeName,
    podName,
    workflowName: run.name,
    template,
    templateName: tmpl.name ?? "",
    // The task or step as written (a loop's `(i:item)` suffix dropped), for mocks.
    ...(opts.caller ? { taskName: opts.caller.name.replace(/\(\d+:.*\)$/, "") } : {}),
    retry: retryIndex(nodeName, opts),
    stage,
    collect,
    volumes,
    workdir,
    signal: ac.signal,
    onLog: (line, stream, container) => {
      appendLog(run, logName, line);
      run.options.onLog?.(nodeName, line, stream, container);
    },
  };
  const containerNodes = containerSetNodes(call, nodeName, node, template);
  const podObject = { name: podName, nodeName, nodeId: node.id, ...(opts.onExitTemplate ? { onExit: true } : {}) };
  if (type === "Pod") registerPod(run, podObject, "Running");
  run.tree.mark(node, "Running");
  for (const c of containerNodes) run.tree.mark(c, "Running");
  let result: PodResult;
  try {
    result = template.data ? await runDataTemplate(run, template) : await run.executor.run(request);
  } catch (e) {
    result = { exitCode: -1, stdout: "", phase: "Error", message: (e as Error).message };
  } finally {
    timer.abort();
    run.stop.signal.removeEventListener("abort", onStop);
  }
  if (type === "Pod" && !result.daemoned)
    registerPod(
      run,
      podObject,
      !why && (result.phase ?? (result.exitCode === 0 ? "Succeeded" : "Failed")) === "Succeeded"
        ? "Succeeded"
        : "Failed",
    );
  for (const c of containerNodes) {
    const r = result.containers?.[c.displayName ?? ""];
    const phase = why
      ? "Failed"
      : r
        ? (r.phase ?? (r.exitCode === 0 ? "Succeeded" : "Failed"))
        : (result.phase ?? (result.exitCode === 0 ? "Succeeded" : "Failed"));
    run.tree.mark(
      c,
      phase,
      r?.message ?? (r && r.exitCode !== 0 ? containerNodeMessage(c.displayName ?? "", r.exitCode) : undefined),
    );
  }
  if (why === "deadline") return finish(run, node, "Failed", deadlineMessage, { exitCode: String(result.exitCode) });
  if (why === "stop")
    return finish(run, node, "Failed", run.stopMessage ?? "Stopped", { exitCode: String(result.exitCode) });

  // An http template runs in Argo's agent, not a pod: its outputs are the response body (agent.go).
  const isHttp = type === "HTTP";
  if (!isHttp) {
    node.podIP = result.ip ?? "127.0.0.1";
    node.hostNodeName = hostname();
  }
  const outputs: Outputs = isHttp ? { result: result.stdout } : { exitCode: String(result.exitCode) };
  if (!isHttp && (template.data || hasOutputResultRef(nodeName, opts.parentTemplate)))
    outputs.result = capResult(result.stdout);
  let phase: "Succeeded" | "Failed" | "Error" = result.phase ?? (result.exitCode === 0 ? "Succeeded" : "Failed");
  let message = result.message ?? (phase === "Failed" ? exitMessage("main", result.exitCode) : undefined);
  try {
    const params = await run.io(readOutputParameters(template, result, workdir, phase === "Succeeded"));
    if (params.length) outputs.parameters = params;
    const arts = await run.io(collectOutputArtifacts(run, template, podName, workdir, phase === "Succeeded"));
    if (arts.length) outputs.artifacts = arts;
  } catch (e) {
    if (phase === "Succeeded") {
      phase = "Error";
      message = (e as Error).message;
    }
  }
  if (result.daemoned && phase === "Succeeded") {
    node.daemoned = true;
    run.tree.setOutputs(node, outputs);
    run.daemons.set(node.id, ac);
    return run.tree.mark(node, "Running");
  }
  for (const p of outputs.parameters ?? []) addParamToGlobalScope(run, p);
  return finish(run, node, phase, message, outputs);
}

/**
 * The message of a pod whose container exited non-zero, as Argo v4.1's `inferFailedReason` words
 * it: `main: Error (exit code 1)` (cli_test.go expects it).
 */
function exitMessage(container: string, exitCode: number): string {
  return `${container}: Error (exit code ${exitCode})`;
}

/**
 * The message of a containerSet's `Container` node that exited non-zero: Argo's
 * `"%s: %s (exit code %d): %s"` with the terminated state's message (empty here, so it ends in `: `).
 */
function containerNodeMessage(container: string, exitCode: number): string {
  return `${container}: Error (exit code ${exitCode}): `;
}

/** `executeContainerSet`: a `Container` node per container, children of the pod or of their dependencies. */
function containerSetNodes(call: Call, nodeName: string, pod: RunNode, t: Template): RunNode[] {
  const set = t.containerSet;
  if (!set) return [];
  const { tree } = call.run;
  const out: RunNode[] = [];
  for (const c of set.containers) {
    const name = `${nodeName}.${c.name}`;
    out.push(
      tree.byName(name) ??
        tree.init(name, {
          type: "Container",
          phase: "Pending",
          templateScope: call.callerCtx.scope,
          boundaryID: pod.id,
          ...(call.holder.template ? { templateName: call.holder.template } : {}),
        }),
    );
  }
  for (const c of set.containers) {
    const deps = (c as { dependencies?: string[] }).dependencies ?? [];
    if (deps.length === 0) tree.addChild(nodeName, `${nodeName}.${c.name}`);
    for (const d of deps) tree.addChild(`${nodeName}.${d}`, `${nodeName}.${c.name}`);
  }
  return out;
}

function finish(
  run: Call["run"],
  node: RunNode,
  phase: RunNode["phase"],
  message: string | undefined,
  outputs: Outputs,
): RunNode {
  run.tree.setOutputs(node, outputs);
  return run.tree.mark(node, phase, message ?? "");
}

function retryIndex(nodeName: string, opts: ExecOpts): number {
  if (!opts.nodeFlag?.retried) return 0;
  const m = /\((\d+)\)$/.exec(nodeName);
  return m ? Number(m[1]) : 0;
}

/** Output parameters: set by the executor, else read from the collected file (one trailing newline trimmed), else `default`. */
async function readOutputParameters(
  t: Template,
  result: PodResult,
  workdir: string,
  strict: boolean,
): Promise<Parameter[]> {
  const out: Parameter[] = [];
  for (const p of t.outputs?.parameters ?? []) {
    const { valueFrom } = p;
    let value = result.parameters?.[p.name];
    if (value === undefined && valueFrom?.path) {
      try {
        value = await readFile(join(workdir, "outputs", "parameters", p.name), "utf8");
        if (value.endsWith("\n")) value = value.slice(0, -1);
      } catch {
        value = undefined;
      }
    }
    if (value === undefined && valueFrom?.default !== undefined) value = valueFrom.default;
    if (value === undefined && valueFrom?.path) {
      if (strict) throw new Error(`open ${valueFrom.path}: no such file or directory`);
      continue;
    }
    out.push({ ...p, ...(value !== undefined ? { value } : {}) });
  }
  return out;
}
