import type { Outputs, Template } from "@wfc/sdk/argo";
import type { Call } from "./call.js";
import { nodeBase } from "./call.js";
import { parseDurationMs } from "./duration.js";
import type { ExecOpts } from "./exec-opts.js";
import { addParamToGlobalScope } from "./global-outputs.js";
import type { RunNode } from "./node-tree.js";

/** Message of an indefinite suspend nobody can resume. */
export const needsResumeMessage = "suspended without a duration: run with --resume (or on a terminal) to resume it";

/**
 * `executeSuspend`: a `duration` waits on the run's clock; without one, `options.onSuspend` decides
 * when to resume, and without that the node fails saying so. Output parameters take their
 * `valueFrom.default` (what `argo resume` leaves them), or `supplied` values are missing.
 */
export async function executeSuspend(call: Call, nodeName: string, tmpl: Template, opts: ExecOpts): Promise<RunNode> {
  const { run } = call;
  const { tree } = run;
  const node =
    tree.byName(nodeName) ?? tree.init(nodeName, { type: "Suspend", phase: "Running", ...nodeBase(call, opts, tmpl) });
  const ac = new AbortController();
  const onStop = () => ac.abort(run.stop.signal.reason);
  run.stop.signal.addEventListener("abort", onStop, { once: true });
  try {
    const duration = tmpl.suspend?.duration;
    if (duration !== undefined && duration !== "") {
      let ms: number;
      try {
        ms = parseDurationMs(duration);
      } catch (e) {
        return tree.mark(node, "Error", (e as Error).message);
      }
      await run.clock.sleep(ms, ac.signal);
    } else if (run.options.onSuspend) {
      tree.mark(node, "Running", "waiting to be resumed");
      await run.options.onSuspend(nodeName, ac.signal);
      tree.mark(node, "Running", "");
    } else {
      return tree.mark(node, "Failed", needsResumeMessage);
    }
  } catch (e) {
    if (run.stopped) return tree.mark(node, "Failed", run.stopMessage);
    return tree.mark(node, "Failed", (e as Error)?.message ?? "stopped while suspended");
  } finally {
    run.stop.signal.removeEventListener("abort", onStop);
  }
  const params = tmpl.outputs?.parameters ?? [];
  if (params.length) {
    const outputs: Outputs = { parameters: [] };
    for (const p of params) {
      const value = p.value ?? p.valueFrom?.default;
      // Argo, when a suspend's duration ends with a supplied output never set (suspend_test.go).
      if (value === undefined)
        return tree.mark(
          node,
          "Failed",
          `raw output parameter '${p.name}' has not been set and does not have a default value`,
        );
      outputs.parameters!.push({ ...p, value });
    }
    tree.setOutputs(node, outputs);
    for (const p of outputs.parameters ?? []) addParamToGlobalScope(run, p);
  }
  return tree.mark(node, "Succeeded");
}
