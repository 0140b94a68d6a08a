import type { Template, WorkflowStep } from "@wfc/sdk/argo";
import { resolveArgumentArtifacts } from "./artifacts.js";
import { NotStarted, registerBoundary, withBoundarySlot } from "./boundary-slots.js";
import type { Call } from "./call.js";
import { nodeBase } from "./call.js";
import { killDaemonedChildren } from "./daemons.js";
import { assertResolved, failFastMessage, shouldExecute } from "./dag.js";
import type { ExecOpts } from "./exec-opts.js";
import { addParamToGlobalScope } from "./global-outputs.js";
import { exitHookOf, runOnExit, watchHooks } from "./hooks.js";
import { markAbsentOptionalArgs } from "./inputs.js";
import { expandItems, shouldExpand } from "./loops.js";
import type { RunNode } from "./node-tree.js";
import { completed, failedOrError } from "./node-tree.js";
import { templateOutputs } from "./outputs.js";
import type { RunState } from "./run-state.js";
import { addAggregateToScope, addNodeToScope, addSkippedOutputsToScope, addWorkflowOutputs } from "./scope.js";
import type { Scope } from "./subst.js";
import { substituteDeep, substituteText } from "./subst.js";
import { createScope } from "./template-scope.js";

function continuesOn(step: WorkflowStep | undefined, phase: string): boolean {
  const c = step?.continueOn;
  return (phase === "Failed" && c?.failed === true) || (phase === "Error" && c?.error === true);
}

/**
 * `executeSteps`: step groups one after the other (`name[i]` StepGroup nodes), the steps of a
 * group in parallel (`name[i].step`, loops `name[i].step(j:item)`); a failed group fails the
 * template with the group's message.
 */
export function executeSteps(call: Call, nodeName: string, tmpl: Template, opts: ExecOpts): Promise<RunNode> {
  const { run } = call;
  return withBoundarySlot(run, opts.boundaryID, async () => {
    const { tree } = run;
    const node =
      tree.byName(nodeName) ?? tree.init(nodeName, { type: "Steps", phase: "Running", ...nodeBase(call, opts, tmpl) });
    registerBoundary(run, node.id, tmpl.parallelism, tmpl.failFast === true);
    const scope: Scope = createScope(tmpl);
    addWorkflowOutputs(scope, run.outputs);
    const groups = tmpl.steps ?? [];
    for (let i = 0; i < groups.length; i++) {
      const sgName = `${nodeName}[${i}]`;
      const sg = tree.init(sgName, {
        type: "StepGroup",
        phase: "Running",
        templateScope: call.ctx.scope,
        boundaryID: node.id,
      });
      if (i === 0) tree.addChild(nodeName, sgName);
      else {
        const prev = tree.byName(`${nodeName}[${i - 1}]`)!;
        if (!prev.children?.length) tree.addChild(prev.name, sgName);
        else for (const c of prev.children) for (const o of tree.outbound(c)) tree.addChild(tree.get(o)!.name, sgName);
      }
      const group = groups[i] ?? [];
      await executeStepGroup(call, run, group, sg, node, scope, opts);
      if (failedOrError(sg.phase)) {
        updateOutbound(run, node, tmpl);
        killDaemonedChildren(run, node.id);
        return tree.mark(node, "Failed", sg.message ?? "");
      }
      for (const step of group) {
        const childName = `${sgName}.${step.name ?? ""}`;
        const child = tree.byName(childName);
        if (child) {
          addNodeToScope(scope, tree, "steps", step.name ?? "", child);
          if (!child.outputs && (child.phase === "Skipped" || child.phase === "Omitted")) {
            try {
              addSkippedOutputsToScope(
                scope,
                "steps",
                step.name ?? "",
                child,
                run.resolver.resolve(call.ctx, step).template,
                true,
              );
            } catch {
              // an unresolvable template leaves the outputs unset
            }
          }
        } else {
          const kids = [...tree.nodes.values()].filter(
            (n) => n.boundaryID === node.id && n.name.startsWith(`${childName}(`) && n.type !== "Skipped",
          );
          addAggregateToScope(scope, "steps", step.name ?? "", kids);
          addNodeToScope(scope, tree, "steps", step.name ?? "", sg);
        }
      }
    }
    updateOutbound(run, node, tmpl);
    try {
      const outputs = templateOutputs(run, tmpl, { ...run.globalScope(), ...scope });
      if (outputs) {
        tree.setOutputs(node, outputs);
        for (const p of outputs.parameters ?? []) addParamToGlobalScope(run, p);
      }
    } catch (e) {
      killDaemonedChildren(run, node.id);
      return tree.mark(node, "Error", (e as Error).message);
    }
    killDaemonedChildren(run, node.id);
    return tree.mark(node, "Succeeded");
  });
}

/** `updateOutboundNodes`: the outbound nodes of the last step group that was started. */
function updateOutbound(run: RunState, node: RunNode, tmpl: Template): void {
  const { tree } = run;
  for (let i = (tmpl.steps?.length ?? 0) - 1; i >= 0; i--) {
    const sg = tree.byName(`${node.name}[${i}]`);
    if (!sg) continue;
    const out: string[] = [];
    for (const c of sg.children ?? []) out.push(...tree.outbound(c));
    node.outboundNodes = out;
    tree.touch(node);
    return;
  }
}

/** `executeStepGroup`. */
async function executeStepGroup(
  call: Call,
  run: RunState,
  group: WorkflowStep[],
  sg: RunNode,
  stepsNode: RunNode,
  scope: Scope,
  opts: ExecOpts,
): Promise<void> {
  const { tree } = run;
  const full = { ...run.globalScope(), ...scope };
  const base = { templateScope: call.ctx.scope, boundaryID: stepsNode.id };
  // resolveReferences + expandStepGroup
  const steps: { step: WorkflowStep; original: WorkflowStep; name: string; skipReason?: string }[] = [];
  try {
    for (const original of group) {
      const { hooks: _h, ...rest } = original;
      void _h;
      const stepName = original.name ?? "";
      if (rest.when) {
        const when = substituteText(rest.when, full, {
          allowUnresolved: true,
          strict: ["steps", "tasks"],
          what: `step ${stepName} when`,
        });
        assertResolved(when, `step ${stepName}`);
        const go = shouldExecute(when);
        if (go === false) {
          steps.push({ step: { ...original, when }, original, name: `${sg.name}.${stepName}` });
          continue;
        }
        if (go instanceof Error && !shouldExpand(original)) throw go;
      }
      const marked = markAbsentOptionalArgs(rest.arguments, full);
      if (marked) rest.arguments = marked;
      let resolved = substituteDeep(rest, full, {
        allowUnresolved: true,
        strict: ["steps", "tasks"],
        what: `step ${stepName}`,
      }) as WorkflowStep;
      const artifacts = resolveArgumentArtifacts(resolved.arguments, full);
      if (artifacts) resolved = { ...resolved, arguments: artifacts };
      assertResolved(resolved, `step ${stepName}`);
      if (!shouldExpand(original)) {
        steps.push({
          step: { ...resolved, ...(original.hooks ? { hooks: original.hooks } : {}) },
          original,
          name: `${sg.name}.${stepName}`,
        });
        continue;
      }
      const expanded = expandItems(resolved, full, (w) => shouldExecute(w));
      if (expanded.length === 0) {
        steps.push({ step: resolved, original, name: `${sg.name}.${stepName}`, skipReason: "Skipped, empty params" });
        continue;
      }
      for (const e of expanded)
        steps.push({
          step: { ...e.value, ...(original.hooks ? { hooks: original.hooks } : {}) },
          original,
          name: `${sg.name}.${e.name}`,
        });
    }
  } catch (e) {
    tree.mark(sg, "Error", (e as Error).message);
    return;
  }
  const jobs: Promise<RunNode | undefined>[] = [];
  if (run.stopped && !opts.onExitTemplate) {
    tree.mark(sg, "Failed", run.stopMessage ?? "");
    return;
  }
  for (const s of steps) {
    const stepName = s.original.name ?? "";
    if (s.skipReason) {
      tree.init(s.name, {
        type: "Skipped",
        phase: "Skipped",
        message: s.skipReason,
        ...base,
        ...(s.step.template ? { templateName: s.step.template } : {}),
      });
      tree.addChild(sg.name, s.name);
      continue;
    }
    const go = shouldExecute(s.step.when);
    if (go instanceof Error) {
      tree.init(s.name, { type: "Skipped", phase: "Error", message: go.message, ...base });
      tree.addChild(sg.name, s.name);
      tree.mark(sg, "Error", go.message);
      return;
    }
    if (go === false) {
      tree.init(s.name, {
        type: "Skipped",
        phase: "Skipped",
        message: `when '${s.step.when ?? ""}' evaluated false`,
        ...base,
        ...(s.step.template ? { templateName: s.step.template } : {}),
      });
      tree.addChild(sg.name, s.name);
      continue;
    }
    if (run.stopped && !opts.onExitTemplate) continue;
    const site = {
      run,
      ctx: call.ctx,
      boundaryID: stepsNode.id,
      prefix: "steps" as const,
      name: stepName,
      scope: () => scope,
    };
    const hooks = watchHooks(site, s.original.hooks, s.name);
    const exit = exitHookOf(s.original, undefined);
    const childName = s.name.slice(sg.name.length + 1);
    tree.addChild(sg.name, s.name);
    jobs.push(
      run
        .executeTemplate(s.name, s.step, call.ctx, s.step.arguments, {
          boundaryID: stepsNode.id,
          ...(opts.onExitTemplate ? { onExitTemplate: true } : {}),
          caller: { kind: "step", name: childName },
          parentTemplate: call.original,
        })
        .then(
          async (n) => {
            await hooks.settle();
            if (completed(n.phase)) await runOnExit(site, exit, n);
            return n;
          },
          async (e: unknown) => {
            if (!(e instanceof NotStarted)) throw e;
            // refused by checkParallelism: no node, and no child link to one
            tree.removeChild(sg.name, s.name);
            await hooks.settle();
            return undefined;
          },
        ),
    );
  }
  await Promise.all(jobs);
  for (const id of sg.children ?? []) {
    const child = tree.get(id);
    if (!child) continue;
    const s = steps.find((x) => x.name === child.name);
    if (failedOrError(child.phase) && !continuesOn(s?.original, child.phase)) {
      tree.mark(sg, "Failed", call.original.failFast === true ? failFastMessage : `child '${child.id}' failed`);
      return;
    }
  }
  tree.mark(sg, "Succeeded");
}
