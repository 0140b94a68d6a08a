import type { Arguments, Template } from "@wfc/sdk/argo";
import type { Call } from "./call.js";
import { errorNode, nodeBase } from "./call.js";
import { executeDag } from "./dag.js";
import type { ExecOpts } from "./exec-opts.js";
import { processArgs } from "./inputs.js";
import { nodeTypeOf, withMemoization } from "./memoize.js";
import { podNameFor } from "./node-id.js";
import type { RunNode } from "./node-tree.js";
import { executePod } from "./pod.js";
import { executeResource } from "./resources/resource-template.js";
import { executeWithRetries } from "./retry.js";
import type { RunState } from "./run-state.js";
import { executeSteps } from "./steps.js";
import type { Scope } from "./subst.js";
import { executeSuspend } from "./suspend.js";
import { withSynchronization } from "./synchronization.js";
import type { TemplateContext, TemplateHolder } from "./template-resolution.js";
import { isPodType, templateType, withTemplateDefaults } from "./template-resolution.js";

/**
 * `executeTemplate`: resolves the holder's template, processes its inputs against `args`, and runs
 * it to completion (a retry loop when it has a retryStrategy), resolving with its node.
 */
export async function executeTemplate(
  run: RunState,
  nodeName: string,
  holder: TemplateHolder,
  ctx: TemplateContext,
  args: Arguments | undefined,
  opts: ExecOpts,
): Promise<RunNode> {
  let resolved: { ctx: TemplateContext; template: Template };
  try {
    resolved = run.resolver.resolve(ctx, holder);
  } catch (e) {
    return errorNode(run, nodeName, holder, ctx, opts, (e as Error).message);
  }
  const tmpl = withTemplateDefaults(resolved.template, run.spec.templateDefaults);
  const local: Scope = {};
  // `woc.retryStrategy`: the template's, else the workflow's (for every kind of template).
  const retry = tmpl.retryStrategy ?? run.spec.retryStrategy;
  if (isPodType(tmpl) && !retry) local["pod.name"] = podNameFor(run.name, nodeName, tmpl.name ?? "");
  if (opts.caller?.kind === "task") local["tasks.name"] = opts.caller.name;
  // Every holder but a DAG task is a WorkflowStep in Argo (the entrypoint, onExit, hooks: name "").
  if (opts.caller?.kind !== "task") local["steps.name"] = opts.caller?.name ?? "";
  local["node.name"] = nodeName;
  let processed: Template;
  try {
    processed = processArgs(tmpl, args, run.globalScope(), local, run.options.configMaps);
  } catch (e) {
    return errorNode(run, nodeName, holder, ctx, opts, (e as Error).message);
  }
  const call: Call = { run, holder, ctx: resolved.ctx, callerCtx: ctx, opts, original: tmpl };
  const pending = () =>
    run.tree.init(nodeName, {
      type: retry ? "Retry" : nodeTypeOf(processed),
      phase: "Pending",
      ...nodeBase(call, opts, processed),
    });
  return withSynchronization(run, nodeName, processed, pending, () =>
    withMemoization(run, nodeName, processed, nodeBase(call, opts, processed), async () => {
      if (retry) return executeWithRetries(call, nodeName, processed, retry, local, executeKind);
      return executeKind(call, nodeName, processed, opts);
    }),
  );
}

/** Runs one node of the template's kind (no retries). */
export async function executeKind(call: Call, nodeName: string, tmpl: Template, opts: ExecOpts): Promise<RunNode> {
  const { run } = call;
  switch (templateType(tmpl)) {
    case "Container":
    case "Script":
    case "ContainerSet":
    case "Data":
    case "HTTP":
      return executePod(call, nodeName, tmpl, opts);
    case "Steps":
      return executeSteps(call, nodeName, tmpl, opts);
    case "DAG":
      return executeDag(call, nodeName, tmpl, opts);
    case "Suspend":
      return executeSuspend(call, nodeName, tmpl, opts);
    case "Resource":
      return executeResource(call, nodeName, tmpl, opts);
    case "Plugin":
      return errorNode(
        run,
        nodeName,
        call.holder,
        call.callerCtx,
        opts,
        `template ${tmpl.name ?? ""} needs a cluster (${templateType(tmpl).toLowerCase()} templates cannot run locally)`,
      );
    default:
      return errorNode(
        run,
        nodeName,
        call.holder,
        call.callerCtx,
        opts,
        `Template '${tmpl.name ?? ""}' missing specification`,
      );
  }
}
