import type { Arguments, LifecycleHook } from "@wfc/sdk/argo";
import { resolveArgumentArtifacts } from "./artifacts.js";
import type { RunNode } from "./node-tree.js";
import { completed } from "./node-tree.js";
import type { RunState } from "./run-state.js";
import type { Scope } from "./subst.js";
import { evaluateExpression, substituteDeep } from "./subst.js";
import type { TemplateContext } from "./template-resolution.js";

/** Where a node's hooks run and what they see. */
export interface HookSite {
  readonly run: RunState;
  readonly ctx: TemplateContext;
  readonly boundaryID?: string;
  /** `tasks` or `steps` (hook arguments may reference the node's outputs by its name). */
  readonly prefix: "tasks" | "steps";
  readonly name: string;
  /** The scope the expressions and arguments see, as of now. */
  readonly scope: () => Scope;
}

/** `resolveExitTmplArgument`: the hook's arguments with the node's outputs in scope. */
function resolveArgs(site: HookSite, args: Arguments | undefined, node: RunNode): Arguments | undefined {
  if (!args || (!args.parameters?.length && !args.artifacts?.length)) return args;
  const scope = { ...site.run.globalScope(), ...site.scope() };
  const src = site.run.tree.lastRetryChild(node) ?? node;
  for (const p of src.outputs?.parameters ?? [])
    scope[`${site.prefix}.${site.name}.outputs.parameters.${p.name}`] = p.value ?? "";
  for (const a of src.outputs?.artifacts ?? []) scope[`${site.prefix}.${site.name}.outputs.artifacts.${a.name}`] = a;
  return resolveArgumentArtifacts(
    substituteDeep(args, scope, { allowUnresolved: true, what: `hook of ${node.name}` }),
    scope,
  );
}

/**
 * Lifecycle hooks of a task or step (`executeTmplLifeCycleHook`): every hook but `exit` whose
 * `expression` turns true while the node runs or when it ends runs once, as `<node>.hooks.<name>`.
 * Returns `settle()`: evaluates a last time and resolves when every started hook is done.
 */
export function watchHooks(
  site: HookSite,
  hooks: Readonly<Record<string, LifecycleHook>> | undefined,
  nodeName: string,
): { settle: () => Promise<void> } {
  const entries = Object.entries(hooks ?? {}).filter(([k]) => k !== "exit");
  if (entries.length === 0) return { settle: async () => {} };
  const { run } = site;
  const started = new Map<string, Promise<RunNode>>();
  const check = (node: RunNode) => {
    for (const [hookName, hook] of entries) {
      if (started.has(hookName)) continue;
      if (!hook.expression) {
        started.set(
          hookName,
          Promise.resolve(
            run.tree.init(`${node.name}.hooks.${hookName}`, {
              type: "Skipped",
              phase: "Error",
              message: `Expression required for hook ${node.name}.hooks.${hookName}`,
            }),
          ),
        );
        continue;
      }
      const scope = { ...run.globalScope(), ...site.scope(), [`${site.prefix}.${site.name}.status`]: node.phase };
      let go: unknown;
      try {
        go = evaluateExpression(hook.expression, scope);
      } catch {
        go = false;
      }
      if (go !== true) continue;
      const hookNodeName = `${node.name}.hooks.${hookName}`;
      const p = run.executeTemplate(
        hookNodeName,
        {
          ...(hook.template ? { template: hook.template } : {}),
          ...(hook.templateRef ? { templateRef: hook.templateRef } : {}),
        },
        site.ctx,
        resolveArgs(site, hook.arguments, node),
        {
          ...(site.boundaryID ? { boundaryID: site.boundaryID } : {}),
          nodeFlag: { hooked: true },
        },
      );
      run.tree.addChild(node.name, hookNodeName);
      started.set(hookName, p);
    }
  };
  const unwatch = run.tree.watch(nodeName, (n) => {
    if (n.phase === "Running" || completed(n.phase)) check(n);
  });
  return {
    settle: async () => {
      unwatch();
      const n = run.tree.byName(nodeName);
      if (n) check(n);
      await Promise.all(started.values());
    },
  };
}

/**
 * `runOnExitNode`: a task's or step's `onExit` (or `hooks.exit`), run as `<node>.onExit` once the
 * node completed, with the node's outputs in scope for its arguments.
 */
export async function runOnExit(
  site: HookSite,
  exit: LifecycleHook | undefined,
  node: RunNode,
): Promise<RunNode | undefined> {
  if (!exit || !completed(node.phase)) return undefined;
  const { run } = site;
  if (run.stopped && !run.stopIsDeadline && run.stopMessage?.includes("Terminate")) return undefined;
  if (exit.expression) {
    const scope = { ...run.globalScope(), ...site.scope(), [`${site.prefix}.${site.name}.status`]: node.phase };
    let go: unknown;
    try {
      go = evaluateExpression(exit.expression, scope);
    } catch (e) {
      return run.tree.mark(node, "Error", (e as Error).message);
    }
    if (go !== true) return undefined;
  }
  const name = `${node.name}.onExit`;
  const p = run.executeTemplate(
    name,
    {
      ...(exit.template ? { template: exit.template } : {}),
      ...(exit.templateRef ? { templateRef: exit.templateRef } : {}),
    },
    site.ctx,
    resolveArgs(site, exit.arguments, node),
    {
      ...(site.boundaryID ? { boundaryID: site.boundaryID } : {}),
      onExitTemplate: true,
      nodeFlag: { hooked: true },
    },
  );
  run.tree.addChild(node.name, name);
  return p;
}

/** `GetExitHook`: `onExit` (a template name) or `hooks.exit`. */
export function exitHookOf(
  holder: { onExit?: string; hooks?: Readonly<Record<string, LifecycleHook>> },
  args: Arguments | undefined,
): LifecycleHook | undefined {
  if (holder.onExit) return { template: holder.onExit, ...(args ? { arguments: args } : {}) };
  return holder.hooks?.exit;
}
