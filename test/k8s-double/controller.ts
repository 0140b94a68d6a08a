/**
 * A scripted stand-in for the Argo workflow controller. When a Workflow is
 * created it moves it through Pending -> Running -> Succeeded/Failed, fills
 * `status.nodes` like Argo does (DAG tasks, step groups, pods), creates the
 * pods (labelled `workflows.argoproj.io/workflow=<name>`) and writes their
 * `main` container logs.
 *
 * The script: a leaf template fails when its command, args or source contain
 * `exit N` with N > 0; its log lines are the text after each `echo`, `print(`
 * or `console.log(`, with `{{workflow.parameters.x}}` and
 * `{{inputs.parameters.x}}` substituted; `sleep N` keeps its pod Running for N seconds (or until
 * {@link Controller.endSleep}). A `suspend`
 * template is a Suspend node without a pod, Running until resumed (through its status, as `wfc
 * resume` writes it) or its duration elapses.
 *
 * Like Argo's operator it honours, while a workflow runs: `spec.shutdown` (no new pods; running
 * pods end Failed "workflow shutdown with strategy:  Stop"; the workflow ends Failed "Stopped with
 * strategy 'Stop'"; `spec.onExit` still runs for Stop, not for Terminate), `spec.suspend` (no new
 * pods until it is cleared) and a retry (a Workflow written back without `status.phase` but with
 * nodes: the nodes kept Succeeded are not run again, the others and the exit handler are).
 */
import { podName } from "../../packages/client/src/pod-name.js";
import type { Obj, Store, StoreEvent } from "./store.js";

/** Options of the controller. */
export interface ControllerOptions {
  /** Milliseconds between two state changes. @default 15 */
  readonly stepMs?: number;
  /** Wait until someone watches a workflow before running it. @default false */
  readonly startWhenWatched?: boolean;
}

function fnv32a(s: string): number {
  let h = 0x811c9dc5;
  for (const byte of Buffer.from(s, "utf8")) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

const now = (): string => new Date().toISOString().replace(/\.\d+Z$/, "Z");

interface Leaf {
  readonly nodeName: string;
  readonly displayName: string;
  readonly template: Obj;
  readonly params: Record<string, string>;
}

/** The controller. Call {@link Controller.stop} when done. */
export class Controller {
  private readonly onChange = (ev: StoreEvent): void => {
    if (ev.resource !== "workflows") return;
    // a workflow created with a status already (a test seeding a state) is left as it is
    if (ev.type === "ADDED" && !ev.object.status?.phase) void this.run(ev.namespace, ev.object.metadata.name, false);
    // a retried workflow: written back with its kept nodes and no phase
    if (
      ev.type === "MODIFIED" &&
      !ev.object.status?.phase &&
      Object.keys(ev.object.status?.nodes ?? {}).length > 0 &&
      !this.active.has(`${ev.namespace}/${ev.object.metadata.name}`)
    )
      void this.run(ev.namespace, ev.object.metadata.name, true);
  };
  /** `namespace/name` of the workflows being run now. */
  private readonly active = new Set<string>();
  private stopped = false;
  readonly options: { stepMs: number; startWhenWatched: boolean };
  /** Set by the server: is anyone watching this workflow? */
  isWatched: (namespace: string, name: string) => boolean = () => true;
  private readonly running = new Set<Promise<void>>();
  /** `namespace/pod` of pods whose `sleep N` is to end now (see {@link Controller.endSleep}). */
  private readonly woken = new Set<string>();

  constructor(
    private readonly store: Store,
    options: ControllerOptions = {},
  ) {
    this.options = { stepMs: options.stepMs ?? 15, startWhenWatched: options.startWhenWatched ?? false };
    store.events.on("change", this.onChange);
  }

  /**
   * Ends the `sleep N` of a running pod now, as if its N seconds were over: a test that must act while a
   * pod runs gives it a long sleep and ends it once it has acted, instead of hoping a short one lasts.
   *
   * @example
   * ```ts
   * k8s.controller.endSleep("ci", "pause-run-a-1234567890");
   * ```
   */
  endSleep(namespace: string, pod: string): void {
    this.woken.add(`${namespace}/${pod}`);
  }

  stop(): void {
    this.stopped = true;
    this.store.events.off("change", this.onChange);
  }

  private async tick(): Promise<void> {
    await new Promise((r) => setTimeout(r, this.options.stepMs));
  }

  private async waitWatched(ns: string, name: string): Promise<void> {
    while (!this.stopped && !this.isWatched(ns, name)) await new Promise((r) => setTimeout(r, 5));
  }

  private resolveSpec(ns: string, wf: Obj): Obj {
    const ref = wf.spec?.workflowTemplateRef;
    if (!ref) return wf.spec ?? {};
    const tmpl = ref.clusterScope
      ? this.store.get("clusterworkflowtemplates", "", ref.name)
      : this.store.get("workflowtemplates", ns, ref.name);
    const params = new Map<string, Obj>();
    for (const p of tmpl.spec?.arguments?.parameters ?? []) params.set(p.name, p);
    for (const p of wf.spec?.arguments?.parameters ?? []) params.set(p.name, { ...params.get(p.name), ...p });
    const { workflowTemplateRef: _ignored, ...rest } = wf.spec;
    return { ...tmpl.spec, ...rest, arguments: { ...tmpl.spec?.arguments, parameters: [...params.values()] } };
  }

  private run(ns: string, name: string, retried: boolean): Promise<void> {
    const key = `${ns}/${name}`;
    this.active.add(key);
    const p = this.execute(ns, name, retried).catch(() => undefined);
    this.running.add(p);
    void p.finally(() => {
      this.running.delete(p);
      this.active.delete(key);
    });
    return p;
  }

  private async execute(ns: string, name: string, retried: boolean): Promise<void> {
    if (this.options.startWhenWatched && !retried) await this.waitWatched(ns, name);
    const store = this.store;
    let alive = true;
    const update = (fn: (wf: Obj) => void): void => {
      if (!alive || this.stopped) return;
      alive = store.mutate("workflows", ns, name, fn) !== undefined;
    };
    const current = (): Obj | undefined => {
      try {
        return store.get("workflows", ns, name);
      } catch {
        return undefined;
      }
    };
    /** The shutdown strategy set now ("" when none). */
    const shutdown = (): string => String(current()?.spec?.shutdown ?? "");
    /** Argo's ShutdownStrategy.ShouldExecute. */
    const shouldExecute = (onExit: boolean): boolean => {
      const s = shutdown();
      return s === "Terminate" ? false : s === "Stop" ? onExit : true;
    };
    /** spec.suspend holds new pods (Argo's ShouldSuspend returns before executing templates). */
    const holdWhileSuspended = async (): Promise<void> => {
      while (alive && !this.stopped && !shutdown() && current()?.spec?.suspend === true)
        await new Promise((r) => setTimeout(r, 5));
    };
    const kept: Record<string, Obj> = retried ? structuredClone(current()?.status?.nodes ?? {}) : {};
    await this.tick();
    if (!retried)
      update((wf) => {
        wf.metadata.labels = { ...wf.metadata.labels, "workflows.argoproj.io/phase": "Pending" };
        wf.status = { phase: "Pending", startedAt: now(), finishedAt: null, progress: "0/0" };
      });
    let spec: Obj;
    try {
      spec = this.resolveSpec(ns, store.get("workflows", ns, name));
    } catch (err) {
      update((wf) => {
        wf.status = { ...wf.status, phase: "Error", finishedAt: now(), message: (err as Error).message };
      });
      return;
    }
    const wfParams: Record<string, string> = {};
    for (const p of spec.arguments?.parameters ?? []) wfParams[p.name] = String(p.value ?? p.default ?? "");
    const templates = new Map<string, Obj>((spec.templates ?? []).map((t: Obj) => [t.name, t]));
    const entry = templates.get(spec.entrypoint);
    await this.tick();
    if (!entry) {
      update((wf) => {
        wf.status = {
          ...wf.status,
          phase: "Error",
          finishedAt: now(),
          message: `spec.entrypoint "${spec.entrypoint}" is not a template`,
        };
      });
      return;
    }
    const nodes: Record<string, Obj> = kept;
    const idOf = (nodeName: string): string => (nodeName === name ? name : `${name}-${fnv32a(nodeName)}`);
    const addNode = (n: Obj): Obj => {
      nodes[n.id] = n;
      return n;
    };
    const keptRoot = kept[name];
    const root = addNode({
      ...keptRoot,
      id: name,
      name,
      displayName: name,
      type: entry.dag ? "DAG" : entry.steps ? "Steps" : "Pod",
      templateName: entry.name,
      templateScope: "local/",
      phase: "Running",
      startedAt: keptRoot?.startedAt ?? now(),
      finishedAt: null,
      children: keptRoot?.children ?? [],
    });
    const publish = (phase?: string, message?: string): void =>
      update((wf) => {
        // a suspend node completed by `wfc resume` / `stop --node-field-selector` (a PUT of the status) is kept
        for (const [id, n] of Object.entries(nodes)) {
          const stored = wf.status?.nodes?.[id];
          if (n.type === "Suspend" && n.phase === "Running" && stored && stored.phase !== "Running")
            Object.assign(n, structuredClone(stored));
        }
        const pods = Object.values(nodes).filter((n) => n.type === "Pod");
        wf.metadata.labels = { ...wf.metadata.labels, "workflows.argoproj.io/phase": phase ?? "Running" };
        if (phase) wf.metadata.labels["workflows.argoproj.io/completed"] = "true";
        wf.status = {
          ...wf.status,
          phase: phase ?? "Running",
          nodes: structuredClone(nodes),
          progress: `${pods.filter((n) => n.phase === "Succeeded").length}/${pods.length}`,
          ...(phase ? { finishedAt: now() } : {}),
          ...(message ? { message } : {}),
        };
      });
    publish();

    const subst = (s: string, inputs: Record<string, string>): string =>
      s
        .replace(/\{\{\s*workflow\.parameters\.([\w-]+)\s*\}\}/g, (_m, k: string) => wfParams[k] ?? "")
        .replace(/\{\{\s*inputs\.parameters\.([\w-]+)\s*\}\}/g, (_m, k: string) => inputs[k] ?? "")
        .replace(/\{\{\s*workflow\.name\s*\}\}/g, name);
    const leafParams = (tmpl: Obj, args: Obj | undefined): Record<string, string> => {
      const out: Record<string, string> = {};
      for (const p of tmpl.inputs?.parameters ?? []) out[p.name] = String(p.value ?? p.default ?? "");
      for (const p of args?.parameters ?? []) out[p.name] = subst(String(p.value ?? ""), {});
      return out;
    };

    let failed: Obj | undefined;
    const runLeaf = async (leaf: Leaf, boundaryID: string, parent: Obj, onExit = false): Promise<Obj> => {
      await holdWhileSuspended();
      const node = addNode({
        id: idOf(leaf.nodeName),
        name: leaf.nodeName,
        displayName: leaf.displayName,
        type: "Pod",
        templateName: leaf.template.name,
        templateScope: "local/",
        phase: "Pending",
        ...(boundaryID ? { boundaryID } : {}),
        ...(onExit ? { nodeFlag: { hooked: true } } : {}),
        startedAt: now(),
        finishedAt: null,
      });
      if (!(parent.children ?? []).includes(node.id)) parent.children = [...(parent.children ?? []), node.id];
      if (leaf.template.suspend) return runSuspend(node, leaf.template, onExit);
      if (!shouldExecute(onExit)) {
        // workflowpod.go's shutdown guard: no pod, the node fails
        node.phase = "Failed";
        node.finishedAt = now();
        node.message = `workflow shutdown with strategy: ${shutdown()}`;
        if (!failed && !onExit) failed = node;
        publish();
        return node;
      }
      const pod = podName(name, leaf.nodeName, leaf.template.name);
      const container = leaf.template.container ?? leaf.template.script ?? {};
      try {
        store.delete("pods", ns, pod);
      } catch {
        // no pod of an earlier run
      }
      store.clearLog(ns, pod);
      store.create("pods", ns, {
        apiVersion: "v1",
        kind: "Pod",
        metadata: {
          name: pod,
          labels: {
            "workflows.argoproj.io/workflow": name,
            "workflows.argoproj.io/completed": "false",
            ...(onExit ? { "workflows.argoproj.io/on-exit": "true" } : {}),
          },
          annotations: { "workflows.argoproj.io/node-id": node.id, "workflows.argoproj.io/node-name": leaf.nodeName },
          ownerReferences: [{ apiVersion: "argoproj.io/v1alpha1", kind: "Workflow", name, uid: "" }],
        },
        spec: {
          containers: [
            { name: "wait", image: "argoproj/argoexec" },
            { name: "main", image: container.image ?? "busybox" },
          ],
        },
        status: { phase: "Pending" },
      });
      publish();
      await this.tick();
      node.phase = "Running";
      store.mutate("pods", ns, pod, (p) => (p.status = { phase: "Running", startTime: now() }));
      publish();
      const text = subst(
        [...(container.command ?? []), ...(container.args ?? []), container.source ?? ""].join(" "),
        leaf.params,
      );
      const lines = [...text.matchAll(/(?:echo\s+|print\(\s*|console\.log\(\s*)(["']?)([^"'\n;)]*)\1/g)].map((m) =>
        (m[2] ?? "").trim(),
      );
      store.appendLog(ns, pod, ...(lines.length ? lines : [`${leaf.displayName}: done`]));
      const sleep = /sleep\s+(\d+)/.exec(text);
      const until = Date.now() + (sleep ? Number(sleep[1]) * 1000 : 0);
      let killed = false;
      do {
        await this.tick();
        // exec_control.go: a running pod is terminated on shutdown (the exit handler's only for Terminate)
        killed = !shouldExecute(onExit);
      } while (!killed && Date.now() < until && !this.woken.delete(`${ns}/${pod}`) && alive && !this.stopped);
      const exit = /exit\s+(\d+)/.exec(text);
      const code = killed ? 143 : exit ? Number(exit[1]) : 0;
      node.phase = code === 0 ? "Succeeded" : "Failed";
      node.finishedAt = now();
      // Argo's inferFailedReason: "<container>: <reason> (exit code N)"; exec_control's message (two spaces) on shutdown.
      if (code !== 0)
        node.message = killed ? `workflow shutdown with strategy:  ${shutdown()}` : `main: Error (exit code ${code})`;
      store.mutate("pods", ns, pod, (p) => {
        p.status = { phase: code === 0 ? "Succeeded" : "Failed" };
        p.metadata.labels["workflows.argoproj.io/completed"] = "true";
      });
      store.endLog(ns, pod);
      if (code !== 0 && !failed && !onExit) failed = node;
      publish();
      return node;
    };

    /**
     * A suspend template's node: Running, no pod, until it is resumed or failed through its status
     * (`wfc resume`, `wfc stop --node-field-selector`), its `duration` elapses (Succeeded), or a
     * shutdown fails it ("Stopped with strategy 'Stop'", as failNodesWithoutCreatedPodsAfterDeadlineOrShutdown).
     */
    const runSuspend = async (node: Obj, template: Obj, onExit: boolean): Promise<Obj> => {
      node.type = "Suspend";
      node.phase = "Running";
      const outputs = template.outputs?.parameters;
      if (outputs?.length)
        node.outputs = {
          parameters: outputs.map((p: Obj) => ({ name: p.name, valueFrom: p.valueFrom ?? { supplied: {} } })),
        };
      publish();
      const d = /^(\d+)(s|m|h)?$/.exec(String(template.suspend.duration ?? ""));
      const unitMs: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000 };
      const deadline = d ? Date.now() + Number(d[1]) * (unitMs[d[2] ?? "s"] ?? 1000) : undefined;
      while (alive && !this.stopped) {
        const stored = current()?.status?.nodes?.[node.id];
        if (stored && stored.phase !== "Running") {
          Object.assign(node, structuredClone(stored));
          break;
        }
        if (!shouldExecute(onExit)) {
          node.phase = "Failed";
          node.message = `Stopped with strategy '${shutdown()}'`;
          node.finishedAt = now();
          break;
        }
        if (deadline !== undefined && Date.now() >= deadline) {
          node.phase = "Succeeded";
          node.finishedAt = now();
          break;
        }
        await this.tick();
      }
      if (node.phase !== "Succeeded" && !failed && !onExit) failed = node;
      publish();
      return node;
    };

    const leafFor = (taskName: string, task: Obj, nodeName: string): Leaf => {
      const tmplName = task.template ?? task.templateRef?.template;
      const template = templates.get(tmplName) ?? { name: tmplName, container: { image: "busybox" } };
      return { nodeName, displayName: taskName, template, params: leafParams(template, task.arguments) };
    };

    if (entry.dag) {
      const tasks: Obj[] = entry.dag.tasks ?? [];
      const names = new Set(tasks.map((t) => t.name));
      const deps = new Map<string, string[]>(
        tasks.map((t) => [
          t.name,
          t.dependencies ??
            (t.depends ? [...String(t.depends).matchAll(/[\w-]+/g)].map((m) => m[0]).filter((n) => names.has(n)) : []),
        ]),
      );
      const done = new Map<string, Obj>();
      const started = new Set<string>();
      for (const t of tasks) {
        const keptNode = kept[idOf(`${name}.${t.name}`)];
        if (keptNode?.phase === "Succeeded") {
          done.set(t.name, keptNode);
          started.add(t.name);
        }
      }
      const inflight = new Map<string, Promise<Obj>>();
      while (alive && !this.stopped) {
        for (const t of tasks) {
          if (started.has(t.name)) continue;
          const ds = deps.get(t.name) ?? [];
          if (!ds.every((d) => done.get(d)?.phase === "Succeeded")) continue;
          started.add(t.name);
          inflight.set(t.name, runLeaf(leafFor(t.name, t, `${name}.${t.name}`), root.id, root));
        }
        if (inflight.size === 0) break;
        const [taskName, node] = await Promise.race([...inflight].map(([k, p]) => p.then((n) => [k, n] as const)));
        inflight.delete(taskName);
        done.set(taskName, node);
      }
    } else if (entry.steps) {
      const groups: Obj[][] = entry.steps;
      // steps.go: group 0 is a child of the Steps node, group i of every step node of group i-1
      const stepsOf = (group: Obj): Obj[] =>
        (group.children ?? []).map((id: string) => nodes[id]).filter((n: Obj | undefined): n is Obj => !!n);
      let parents: Obj[] = [root];
      for (let i = 0; i < groups.length && alive && !failed; i++) {
        const keptGroup = kept[idOf(`${name}[${i}]`)];
        if (keptGroup?.phase === "Succeeded") {
          parents = stepsOf(keptGroup);
          continue;
        }
        const group = addNode({
          ...keptGroup,
          id: idOf(`${name}[${i}]`),
          name: `${name}[${i}]`,
          displayName: `[${i}]`,
          type: "StepGroup",
          templateName: entry.name,
          templateScope: "local/",
          phase: "Running",
          boundaryID: root.id,
          startedAt: keptGroup?.startedAt ?? now(),
          finishedAt: null,
        });
        for (const p of parents.length ? parents : [root])
          if (!(p.children ?? []).includes(group.id)) p.children = [...(p.children ?? []), group.id];
        publish();
        await Promise.all(
          (groups[i] ?? [])
            .filter((s) => kept[idOf(`${name}[${i}].${s.name}`)]?.phase !== "Succeeded")
            .map((s) => runLeaf(leafFor(s.name, s, `${name}[${i}].${s.name}`), root.id, group)),
        );
        group.phase = failed ? "Failed" : "Succeeded";
        group.finishedAt = now();
        parents = stepsOf(group);
      }
    } else {
      // single-pod workflow: the root is the pod
      delete nodes[root.id];
      const leaf = await runLeaf(
        { nodeName: name, displayName: name, template: entry, params: leafParams(entry, undefined) },
        "",
        {},
      );
      nodes[leaf.id] = { ...leaf, children: undefined };
      await finish(failed ? String(leaf.message) : undefined);
      return;
    }
    await this.tick();
    root.phase = failed ? "Failed" : "Succeeded";
    root.finishedAt = now();
    if (failed) root.message = `child '${failed.id}' failed`;
    await finish(failed ? `child '${failed.id}' failed` : undefined);

    /** The exit handler (operator.go: run unless the shutdown strategy forbids it), then the workflow's phase. */
    async function finish(message: string | undefined): Promise<void> {
      let exitNode: Obj | undefined;
      if (spec.onExit && shouldExecute(true)) {
        const onExitName = `${name}.onExit`;
        exitNode = await runLeaf(leafFor(onExitName, { template: spec.onExit }, onExitName), "", {}, true);
      }
      if (failed) {
        const s = shutdown();
        publish("Failed", s ? `Stopped with strategy '${s}'` : message);
      } else if (exitNode?.phase === "Failed") publish("Failed", String(exitNode.message));
      else publish("Succeeded");
    }
  }

  /** Waits for every running workflow script to end. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }
}
