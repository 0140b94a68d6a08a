import type { DAGTask, Template } from "@wfc/sdk/argo";
import { resolveArgumentArtifacts } from "./artifacts.js";
import { NotStarted, registerBoundary, withBoundarySlot } from "./boundary-slots.js";
import type { Call } from "./call.js";
import { nodeBase } from "./call.js";
import { killDaemonedChildren } from "./daemons.js";
import type { TaskDependsLogic, TaskResults } from "./depends.js";
import { evaluateDepends, taskDependsLogic } from "./depends.js";
import type { ExecOpts } from "./exec-opts.js";
import { addParamToGlobalScope } from "./global-outputs.js";
import { exitHookOf, runOnExit, watchHooks } from "./hooks.js";
import { markAbsentOptionalArgs } from "./inputs.js";
import { expandItems, shouldExpand } from "./loops.js";
import type { NodePhase, RunNode } from "./node-tree.js";
import { completed, failedOrError, fulfilled } from "./node-tree.js";
import { templateOutputs } from "./outputs.js";
import { addAggregateToScope, addNodeToScope, addSkippedOutputsToScope, addWorkflowOutputs } from "./scope.js";
import type { Scope } from "./subst.js";
import { evaluateWhenText, placeholderNames, substituteDeep, substituteText } from "./subst.js";
import { createScope } from "./template-scope.js";

/** Argo's message when a template with `failFast: true` stops on a failed child. */
export const failFastMessage = "template has failed or errored children and failFast enabled";

/** Whether a node counts as done for its dependents (`NodeStatus.Fulfilled`: final, or daemoned and started). */
export function nodeFulfilled(n: RunNode): boolean {
  return fulfilled(n.phase) || (n.daemoned === true && n.phase !== "Pending");
}

/** `shouldExecute`: a substituted `when`; an Error when it does not evaluate. */
export function shouldExecute(when: string | undefined): boolean | Error {
  if (!when) return true;
  try {
    return evaluateWhenText(when);
  } catch (e) {
    return e as Error;
  }
}

/** Throws when `{{tasks.*}}`/`{{steps.*}}` are left in a substituted value (`ReplaceStrictAny` with those prefixes). */
export function assertResolved(value: unknown, what: string): void {
  const s = JSON.stringify(value);
  if (!s.includes("{{")) return;
  for (const name of placeholderNames(s)) {
    if (name.startsWith("tasks.") || name.startsWith("steps."))
      throw new Error(`failed to resolve {{${name}}} in ${what}`);
  }
}

/**
 * `executeDAG`: runs the tasks that lead to the targets (the leaves when `target` is not set) as
 * soon as their dependencies settle, evaluates `depends`/`dependencies` and `when`, expands loops,
 * runs hooks and `onExit`, assesses the DAG's phase as `assessDAGPhase` does, and resolves the
 * DAG's outputs.
 */
export function executeDag(call: Call, nodeName: string, tmpl: Template, opts: ExecOpts): Promise<RunNode> {
  return withBoundarySlot(call.run, opts.boundaryID, () => new DagRun(call, nodeName, tmpl, opts).execute());
}

class DagRun {
  private readonly rs;
  private readonly node: RunNode;
  private readonly tasks = new Map<string, DAGTask>();
  private readonly logic = new Map<string, TaskDependsLogic>();
  private readonly settled = new Map<string, Promise<void>>();
  private readonly running = new Set<Promise<void>>();
  private finished = false;
  /** Template-level `failFast: true`: a child failed, no new task starts. */
  private unsuccessful = false;
  private readonly targets: string[];

  constructor(
    private readonly call: Call,
    private readonly nodeName: string,
    private readonly tmpl: Template,
    private readonly opts: ExecOpts,
  ) {
    this.rs = call.run;
    this.node =
      this.rs.tree.byName(nodeName) ??
      this.rs.tree.init(nodeName, { type: "DAG", phase: "Running", ...nodeBase(call, opts, tmpl) });
    registerBoundary(this.rs, this.node.id, tmpl.parallelism, tmpl.failFast === true);
    for (const t of tmpl.dag?.tasks ?? []) this.tasks.set(t.name, t);
    const target = tmpl.dag?.target;
    this.targets = target ? target.split(" ") : [];
  }

  private taskNodeName(task: string): string {
    return `${this.nodeName}.${task}`;
  }
  private taskNode(task: string): RunNode | undefined {
    return this.rs.tree.byName(this.taskNodeName(task));
  }

  async execute(): Promise<RunNode> {
    const run = this.rs;
    try {
      for (const t of this.tasks.values()) this.logic.set(t.name, taskDependsLogic(t));
      for (const [name, l] of this.logic) {
        for (const d of l.dependencies)
          if (!this.tasks.has(d)) throw new Error(`task '${name}' depends on unknown task '${d}'`);
      }
    } catch (e) {
      return run.tree.mark(this.node, "Error", (e as Error).message);
    }
    const targets = this.targets.length ? this.targets : this.leaves();
    for (const t of targets) {
      if (!this.tasks.has(t)) return run.tree.mark(this.node, "Error", `target '${t}' is not a task of the dag`);
    }
    for (const t of targets) void this.ensure(t);
    // Wait until the DAG's phase is decided, then for whatever is still running.
    const phase = await this.decided(targets);
    this.finished = true;
    while (this.running.size > 0) await Promise.all([...this.running]);
    if (this.unsuccessful && this.tmpl.failFast === true) {
      this.setOutbound(targets);
      killDaemonedChildren(run, this.node.id);
      return run.tree.mark(this.node, "Failed", failFastMessage);
    }
    if (phase !== "Succeeded") {
      this.setOutbound(targets);
      killDaemonedChildren(run, this.node.id);
      return run.tree.mark(this.node, phase, run.stopped && !this.opts.onExitTemplate ? run.stopMessage : undefined);
    }
    const scope: Scope = createScope(this.tmpl);
    for (const t of this.tasks.values()) {
      const n = this.taskNode(t.name);
      if (!n) continue;
      if (n.type === "TaskGroup") addAggregateToScope(scope, "tasks", t.name, this.childNodes(n));
      addNodeToScope(scope, run.tree, "tasks", t.name, n);
      this.addSkipped(scope, t.name, n);
    }
    try {
      const outputs = templateOutputs(run, this.tmpl, { ...run.globalScope(), ...scope });
      if (outputs) {
        run.tree.setOutputs(this.node, outputs);
        for (const p of outputs.parameters ?? []) addParamToGlobalScope(run, p);
      }
    } catch (e) {
      this.setOutbound(targets);
      killDaemonedChildren(run, this.node.id);
      return run.tree.mark(this.node, "Error", (e as Error).message);
    }
    this.setOutbound(targets);
    killDaemonedChildren(run, this.node.id);
    return run.tree.mark(this.node, "Succeeded");
  }

  /** Resolves with the DAG's phase once `assessDAGPhase` says it is not Running. */
  private decided(targets: string[]): Promise<NodePhase> {
    return new Promise((resolve) => {
      let done = false;
      const check = (final: boolean) => {
        if (done) return;
        let p = this.assess(targets);
        // Every target settled and nothing runs: a branch left unfulfilled would hang the run.
        if (p === "Running" && final && this.running.size === 0) p = this.fallbackPhase();
        if (p !== "Running") {
          done = true;
          this.onTaskSettled = undefined;
          resolve(p);
        }
      };
      this.onTaskSettled = () => check(false);
      void Promise.all(targets.map((t) => this.ensure(t))).then(() => check(true));
    });
  }
  private onTaskSettled: (() => void) | undefined;

  private childNodes(n: RunNode): RunNode[] {
    return (n.children ?? []).map((c) => this.rs.tree.get(c)).filter((c): c is RunNode => c !== undefined);
  }

  /**
   * When a target cannot be reached from the DAG's children (a dependency ended with no outbound
   * node, e.g. a steps template whose last group never started), Argo would keep the DAG Running;
   * here the DAG takes the last failed phase among its tasks (continueOn aside), else Succeeded.
   */
  private fallbackPhase(): NodePhase {
    if (this.rs.stopped && !this.opts.onExitTemplate) return "Failed";
    let phase: NodePhase = "Succeeded";
    for (const t of this.tasks.values()) {
      const n = this.taskNode(t.name);
      if (!n || !failedOrError(n.phase)) continue;
      if ((n.phase === "Failed" && t.continueOn?.failed) || (n.phase === "Error" && t.continueOn?.error)) continue;
      phase = n.phase;
    }
    return phase;
  }

  /** `findLeafTaskNames`. */
  private leaves(): string[] {
    const leaf = new Map<string, boolean>();
    for (const t of this.tasks.values()) {
      if (!leaf.has(t.name)) leaf.set(t.name, true);
      for (const d of this.logic.get(t.name)?.dependencies ?? []) leaf.set(d, false);
    }
    return [...leaf]
      .filter(([, v]) => v)
      .map(([k]) => k)
      .sort();
  }

  /** `assessDAGPhase`: BFS from the DAG's children carrying branch phases to the targets. */
  private assess(targets: string[]): NodePhase {
    const { tree } = this.rs;
    const targetPhase = new Map<string, NodePhase | "">();
    for (const t of targets) targetPhase.set(tree.id(this.taskNodeName(t)), "");
    const seen = new Map<string, NodePhase>();
    const queue: { id: string; phase: NodePhase }[] = (this.node.children ?? []).map((id) => ({
      id,
      phase: "Succeeded" as NodePhase,
    }));
    for (let i = 0; i < queue.length; i++) {
      const cur = queue[i]!;
      // uniquePhaseNodeQueue: a node is visited again only with a different phase
      if (seen.get(cur.id) === cur.phase) continue;
      seen.set(cur.id, cur.phase);
      const node = tree.get(cur.id);
      if (!node) return "Running";
      let branch = cur.phase;
      if (!nodeFulfilled(node)) {
        if (node.type === "TaskGroup" && node.children?.length) {
          const kids = this.childNodes(node);
          if (kids.length === node.children.length && kids.every(nodeFulfilled)) {
            branch = kids.reduce<NodePhase>((p, k) => (failedOrError(k.phase) ? k.phase : p), "Succeeded");
          } else return "Running";
        } else return "Running";
      } else if (completed(node.phase)) branch = node.phase;
      const prev = targetPhase.get(node.id);
      if (prev !== undefined && !failedOrError(prev || undefined)) targetPhase.set(node.id, branch);
      const next = node.type === "Retry" ? this.retryChildren(node) : (node.children ?? []);
      for (const id of next) queue.push({ id, phase: branch });
    }
    const failFast = this.tmpl.dag?.failFast !== false;
    let result: NodePhase = "Succeeded";
    for (const t of targets) {
      const bp = targetPhase.get(tree.id(this.taskNodeName(t))) ?? "";
      if (bp === "") {
        result = "Running";
        if (!failFast) break;
      } else if (failedOrError(bp)) {
        const c = this.tasks.get(t)?.continueOn;
        if ((bp === "Failed" && c?.failed) || (bp === "Error" && c?.error)) continue;
        result = bp;
        if (failFast) break;
      }
    }
    return result;
  }

  /** `getRetryNodeChildrenIds`. */
  private retryChildren(node: RunNode): string[] {
    const out: string[] = [];
    const ch = node.children ?? [];
    for (let i = ch.length - 1; i >= 0; i--) {
      const c = this.rs.tree.get(ch[i]!);
      if (!c) continue;
      if (c.nodeFlag?.hooked) out.push(c.id);
      else if (c.children?.length) out.push(...c.children);
    }
    return out;
  }

  private setOutbound(targets: string[]): void {
    const out: string[] = [];
    for (const t of targets) {
      const n = this.taskNode(t);
      if (n) out.push(...this.rs.tree.outbound(n.id));
    }
    this.node.outboundNodes = out;
    this.rs.tree.touch(this.node);
  }

  /** The task settles (its node, hooks and onExit are done) after its dependencies do. */
  private ensure(task: string): Promise<void> {
    let p = this.settled.get(task);
    if (p) return p;
    const deps = this.logic.get(task)?.dependencies ?? [];
    p = Promise.all(deps.map((d) => this.ensure(d))).then(() => {
      if (this.finished || (this.unsuccessful && this.tmpl.failFast === true)) return;
      const job = this.executeTask(task).catch((e: unknown) => {
        const n = this.taskNode(task);
        if (n && !fulfilled(n.phase)) this.rs.tree.mark(n, "Error", (e as Error).message);
      });
      this.running.add(job);
      return job.finally(() => {
        this.running.delete(job);
        // Only a failure can end the DAG before every target settled (failFast).
        const n = this.taskNode(task);
        if (n && failedOrError(n.phase)) {
          this.unsuccessful = true;
          this.onTaskSettled?.();
        }
      });
    });
    this.settled.set(task, p);
    return p;
  }

  /** `connectDependencies`: the new node becomes a child of the boundary (roots) or of its dependencies' outbound nodes. */
  private connect(task: string, childName: string, group: RunNode | undefined): string[] {
    const { tree } = this.rs;
    const deps = this.logic.get(task)?.dependencies ?? [];
    if (deps.length === 0 || group) {
      const parent = group ? group.name : this.nodeName;
      tree.addChild(parent, childName);
      return [parent];
    }
    const parents: string[] = [];
    for (const d of deps) {
      const dn = this.taskNode(d);
      if (!dn) continue;
      for (const o of tree.outbound(dn.id)) {
        const on = tree.get(o);
        if (on) {
          tree.addChild(on.name, childName);
          parents.push(on.name);
        }
      }
    }
    return parents;
  }

  private results(task: string): TaskResults {
    const n = this.taskNode(task);
    const p = n?.phase;
    let any = false;
    let all = false;
    if (n?.type === "TaskGroup") {
      const kids = this.childNodes(n);
      all = (n.children?.length ?? 0) > 0;
      for (const k of kids) {
        any ||= k.phase === "Succeeded";
        all &&= k.phase === "Failed";
      }
    }
    return {
      Succeeded: p === "Succeeded",
      Failed: p === "Failed",
      Errored: p === "Error",
      Skipped: p === "Skipped",
      Omitted: p === "Omitted",
      Daemoned: n?.daemoned === true && p !== "Pending",
      AnySucceeded: any,
      AllFailed: all,
    };
  }

  /** The scope a task sees (`buildLocalScopeFromTask`): the DAG's inputs, workflow outputs, every ancestor. */
  scopeFor(task: string): Scope {
    const run = this.rs;
    const scope: Scope = createScope(this.tmpl);
    addWorkflowOutputs(scope, run.outputs);
    const seen = new Set<string>();
    const visit = (t: string) => {
      for (const d of this.logic.get(t)?.dependencies ?? []) {
        if (seen.has(d)) continue;
        seen.add(d);
        visit(d);
      }
    };
    visit(task);
    for (const a of seen) {
      const n = this.taskNode(a);
      if (!n) continue;
      if (n.type === "TaskGroup") addAggregateToScope(scope, "tasks", a, this.childNodes(n));
      addNodeToScope(scope, run.tree, "tasks", a, n);
      this.addSkipped(scope, a, n);
    }
    return scope;
  }

  private addSkipped(scope: Scope, task: string, n: RunNode): void {
    if (n.outputs || (n.phase !== "Skipped" && n.phase !== "Omitted")) return;
    const t = this.tasks.get(task);
    if (!t) return;
    try {
      addSkippedOutputsToScope(scope, "tasks", task, n, this.rs.resolver.resolve(this.call.ctx, t).template, false);
    } catch {
      // an unresolvable template leaves the outputs unset
    }
  }

  private hookSite(task: string, scope: () => Scope) {
    return { run: this.rs, ctx: this.call.ctx, boundaryID: this.node.id, prefix: "tasks" as const, name: task, scope };
  }

  /** `executeDAGTask` once the dependencies settled. */
  private async executeTask(taskName: string): Promise<void> {
    const run = this.rs;
    const { tree } = run;
    const task = this.tasks.get(taskName)!;
    const nodeName = this.taskNodeName(taskName);
    const base = {
      templateScope: this.call.ctx.scope,
      boundaryID: this.node.id,
      ...(task.template ? { templateName: task.template } : {}),
      ...(task.templateRef ? { templateRef: task.templateRef } : {}),
    };
    const skipNode = (name: string, phase: NodePhase, message: string) =>
      tree.init(name, { type: "Skipped", phase, message, ...base });

    const logic = this.logic.get(taskName);
    if (logic?.expr) {
      const execute = evaluateDepends(
        logic.expr,
        (t) => this.results(t),
        (t) => this.tasks.get(t)?.continueOn,
      );
      if (!execute) {
        skipNode(nodeName, "Omitted", "omitted: depends condition not met");
        this.connect(taskName, nodeName, undefined);
        return;
      }
    }
    if (run.stopped && !this.opts.onExitTemplate) return;

    // resolveDependencyReferences
    const text = JSON.stringify(task);
    const needsScope = text.includes("{{") || text.includes("fromExpression");
    const scope = needsScope ? this.scopeFor(taskName) : {};
    const full = needsScope ? { ...run.globalScope(), ...scope } : {};
    let resolved: DAGTask;
    try {
      const { hooks: _h, ...rest } = task;
      void _h;
      if (rest.when) {
        const when = substituteText(rest.when, full, {
          allowUnresolved: true,
          strict: ["tasks", "steps"],
          what: `task ${taskName} when`,
        });
        assertResolved(when, `task ${taskName}`);
        const go = shouldExecute(when);
        if (go === false) {
          skipNode(nodeName, "Skipped", `when '${when}' evaluated false`);
          this.connect(taskName, nodeName, undefined);
          return;
        }
        if (go instanceof Error && !shouldExpand(task)) throw go;
      }
      const marked = markAbsentOptionalArgs(rest.arguments, full);
      if (marked) rest.arguments = marked;
      resolved = substituteDeep(rest, full, {
        allowUnresolved: true,
        strict: ["tasks", "steps"],
        what: `task ${taskName}`,
      }) as DAGTask;
      const artifacts = resolveArgumentArtifacts(resolved.arguments, full);
      if (artifacts) resolved = { ...resolved, arguments: artifacts };
      assertResolved(resolved, `task ${taskName}`);
    } catch (e) {
      skipNode(nodeName, "Error", (e as Error).message);
      this.connect(taskName, nodeName, undefined);
      return;
    }

    let expanded: { value: DAGTask; name: string }[];
    try {
      expanded = expandItems(resolved, full, (w) => shouldExecute(w) as boolean | Error);
    } catch (e) {
      skipNode(nodeName, "Error", (e as Error).message);
      this.connect(taskName, nodeName, undefined);
      return;
    }
    let group: RunNode | undefined;
    if (shouldExpand(task)) {
      if (expanded.length === 0) {
        skipNode(nodeName, "Skipped", "Skipped, empty params");
        this.connect(taskName, nodeName, undefined);
        return;
      }
      this.connect(taskName, nodeName, undefined);
      group = tree.init(nodeName, { type: "TaskGroup", phase: "Running", ...base });
    }

    const exit = exitHookOf(task, undefined);
    const runOne = async (t: DAGTask, childName: string): Promise<RunNode | undefined> => {
      const parents = this.connect(taskName, childName, group);
      const go = shouldExecute(t.when);
      if (go instanceof Error) return skipNode(childName, "Error", go.message);
      if (go === false) return skipNode(childName, "Skipped", `when '${t.when}' evaluated false`);
      const site = this.hookSite(taskName, () => this.scopeFor(taskName));
      const hooks = watchHooks(site, task.hooks, childName);
      let n: RunNode;
      try {
        n = await run.executeTemplate(childName, t, this.call.ctx, t.arguments, {
          boundaryID: this.node.id,
          ...(this.opts.onExitTemplate ? { onExitTemplate: true } : {}),
          caller: { kind: "task", name: t.name },
          parentTemplate: this.call.original,
        });
      } catch (e) {
        if (!(e instanceof NotStarted)) throw e;
        // refused by checkParallelism (failFast after a failed sibling): no node, and no child link to one
        for (const p of parents) tree.removeChild(p, childName);
        await hooks.settle();
        return undefined;
      }
      await hooks.settle();
      if (completed(n.phase)) await runOnExit(site, exit, n);
      return n;
    };
    if (!group) {
      await runOne(resolved, nodeName);
      return;
    }
    await Promise.all(expanded.map((e) => runOne(e.value, this.taskNodeName(e.name))));
    let phase: NodePhase = "Succeeded";
    for (const e of expanded) {
      const n = tree.byName(this.taskNodeName(e.name));
      if (n && failedOrError(n.phase)) phase = n.phase;
    }
    tree.mark(group, phase);
  }
}
