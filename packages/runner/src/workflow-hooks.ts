import type { RunNode } from "./node-tree.js";
import type { RunState } from "./run-state.js";
import { evaluateExpression } from "./subst.js";

/**
 * `executeWfLifeCycleHook`: workflow-level hooks (all but `exit`) run once, as `<workflow>.hooks.<name>`,
 * when their `expression` is true: checked as the workflow starts, whenever a node changes, and
 * before the exit handler.
 */
export function runWorkflowHooks(run: RunState): { settle: () => Promise<void> } {
  const entries = Object.entries(run.spec.hooks ?? {}).filter(([k]) => k !== "exit");
  if (entries.length === 0) return { settle: async () => {} };
  const started = new Map<string, Promise<RunNode>>();
  const check = () => {
    for (const [name, hook] of entries) {
      if (started.has(name) || !hook.expression) continue;
      let go: unknown;
      try {
        go = evaluateExpression(hook.expression, run.globalScope());
      } catch {
        go = false;
      }
      if (go !== true) continue;
      const nodeName = `${run.name}.hooks.${name}`;
      const holder = {
        ...(hook.template ? { template: hook.template } : {}),
        ...(hook.templateRef ? { templateRef: hook.templateRef } : {}),
      };
      started.set(
        name,
        run.executeTemplate(nodeName, holder, run.rootCtx, hook.arguments, { nodeFlag: { hooked: true } }),
      );
      if (run.tree.byName(run.name)) run.tree.addChild(run.name, nodeName);
      else queueMicrotask(() => run.tree.byName(run.name) && run.tree.addChild(run.name, nodeName));
    }
  };
  const unwatch = run.tree.watch(run.name, () => check());
  check();
  return {
    settle: async () => {
      unwatch();
      check();
      await Promise.all(started.values());
    },
  };
}
