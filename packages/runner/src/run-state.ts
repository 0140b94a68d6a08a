import type { Arguments, Outputs, Workflow, WorkflowSpec } from "@wfc/sdk/argo";
import type { Clock } from "./clock.js";
import { holdsTime } from "./clock-virtual.js";
import type { ExecOpts } from "./exec-opts.js";
import type { Executor } from "./executor.js";
import type { RunNode } from "./node-tree.js";
import { NodeTree } from "./node-tree.js";
import { ObjectStore } from "./resources/object-store.js";
import { rfc3339 } from "./rfc3339.js";
import type { ExecuteOptions } from "./run-options.js";
import { Semaphore } from "./semaphore.js";
import type { Scope } from "./subst.js";
import type { TemplateContext, TemplateHolder, TemplateResolver } from "./template-resolution.js";

/**
 * Runs one template call to completion (execute-template.ts's `executeTemplate`). Templates call
 * templates recursively; the scheduler modules reach it through the run ({@link RunState.executeTemplate})
 * so that imports point one way.
 */
export type TemplateRunner = (
  run: RunState,
  nodeName: string,
  holder: TemplateHolder,
  ctx: TemplateContext,
  args: Arguments | undefined,
  opts: ExecOpts,
) => Promise<RunNode>;

/** Everything one run shares: the workflow, its node tree, the global scope, the clock, the executor. */
export class RunState {
  readonly tree: NodeTree;
  /** `woc.globalParams()` minus runtime values (see {@link globalScope}). */
  readonly global: Scope = {};
  /** `status.outputs`. */
  readonly outputs: Outputs = {};
  /** Aborted on shutdown (options.signal) or the workflow's deadline. */
  readonly stop = new AbortController();
  /** Why the run is stopping: Argo's message for nodes it stops. */
  stopMessage: string | undefined;
  /** Whether the stop is the workflow's `activeDeadlineSeconds` (false: a shutdown). */
  stopIsDeadline = false;
  readonly podSlots: Semaphore | undefined;
  /** Template parallelism, by boundary node id. */
  readonly boundarySlots = new Map<string, Semaphore>();
  /** Boundary node ids of Steps/DAG templates with `failFast: true`. */
  readonly failFastBoundaries = new Set<string>();
  /** Mutexes and semaphores of `synchronization`, by Argo's lock name. */
  readonly locks = new Map<string, Semaphore>();
  /** Who holds each lock now (`status.synchronization`): `<ns>/<workflow>/<node id>` per holder. */
  readonly lockHolders = new Map<string, { kind: "mutex" | "semaphore"; holders: string[] }>();
  /**
   * `status.synchronization.*.waiting`: for each lock a node of this run waited for, the holders
   * it was waiting on (Argo's `LockWaiting`; `LockAcquired` drops only the acquirer's own key, so
   * an entry can outlive the wait, until the workflow completes and everything is cleared).
   */
  readonly lockWaiting = new Map<string, { kind: "mutex" | "semaphore"; holders: string[] }>();
  /** Daemoned pods still running, by node id: aborted when their boundary completes. */
  readonly daemons = new Map<string, AbortController>();
  readonly startedAt: number;
  /** The objects `resource` templates act on (`options.resources: "memory"`). */
  readonly resources: ObjectStore | undefined;
  private pendingUpdate = false;
  onUpdate: ((wf: Workflow) => void) | undefined;

  constructor(
    readonly wf: Workflow,
    readonly spec: WorkflowSpec,
    readonly rootCtx: TemplateContext,
    readonly resolver: TemplateResolver,
    readonly clock: Clock,
    readonly executor: Executor,
    readonly options: ExecuteOptions,
    readonly runDir: string,
    private readonly runTemplate: TemplateRunner,
  ) {
    this.startedAt = clock.now();
    this.tree = new NodeTree(
      this.name,
      () => rfc3339(this.clock.now()),
      () => this.changed(),
    );
    this.podSlots = spec.parallelism && spec.parallelism > 0 ? new Semaphore(spec.parallelism) : undefined;
    this.onUpdate = options.onUpdate;
    this.resources =
      options.resources === "memory" ? new ObjectStore(this.namespace, () => rfc3339(this.clock.now())) : undefined;
  }

  /** Runs a template call of this run (a node named `nodeName`), resolving with its node. */
  executeTemplate(
    nodeName: string,
    holder: TemplateHolder,
    ctx: TemplateContext,
    args: Arguments | undefined,
    opts: ExecOpts,
  ): Promise<RunNode> {
    return this.runTemplate(this, nodeName, holder, ctx, args, opts);
  }

  /** Real I/O of the scheduler: a virtual clock keeps time still until it is done. */
  io<T>(work: Promise<T>): Promise<T> {
    return holdsTime(this.clock) ? this.clock.hold(work) : work;
  }

  get name(): string {
    return this.wf.metadata.name ?? "";
  }
  get namespace(): string {
    return this.wf.metadata.namespace ?? "default";
  }
  get stopped(): boolean {
    return this.stop.signal.aborted;
  }

  /** `globalParams()` with the runtime values (`workflow.duration`, `workflow.status`...) as of now. */
  globalScope(): Scope {
    // setGlobalRuntimeParameters: the phase so far, and the duration as Go's %f.
    return {
      "workflow.status": this.status.phase,
      ...this.global,
      "workflow.duration": ((this.clock.now() - this.startedAt) / 1000).toFixed(6),
    };
  }

  /** Workflow status as Argo shows it while running or when done. */
  status: { phase: string; message?: string; finishedAt?: string } = { phase: "Running" };

  snapshot(): Workflow {
    const outputs =
      this.outputs.parameters?.length || this.outputs.artifacts?.length
        ? { outputs: structuredClone(this.outputs) }
        : {};
    return {
      ...this.wf,
      status: {
        phase: this.status.phase,
        startedAt: rfc3339(this.startedAt),
        ...(this.status.finishedAt ? { finishedAt: this.status.finishedAt } : {}),
        ...(this.status.message ? { message: this.status.message } : {}),
        progress: this.progress(),
        nodes: this.tree.snapshot(),
        ...this.synchronizationStatus(),
        ...outputs,
      },
    };
  }

  /** `status.synchronization`: the locks held now and the ones waited for (omitted when there are none). */
  private synchronizationStatus(): { synchronization?: NonNullable<Workflow["status"]>["synchronization"] } {
    if (!this.lockHolders.size && !this.lockWaiting.size) return {};
    const sorted = (m: Map<string, { kind: "mutex" | "semaphore"; holders: string[] }>, kind: "mutex" | "semaphore") =>
      [...m].filter(([, h]) => h.kind === kind).sort(([a], [b]) => (a < b ? -1 : 1));
    const semHeld = sorted(this.lockHolders, "semaphore");
    const semWait = sorted(this.lockWaiting, "semaphore");
    const mutHeld = sorted(this.lockHolders, "mutex");
    const mutWait = sorted(this.lockWaiting, "mutex");
    const sem = (l: typeof semHeld) => l.map(([name, h]) => ({ semaphore: name, holders: [...h.holders] }));
    const mut = (l: typeof mutHeld) => l.map(([name, h]) => ({ mutex: name, holder: h.holders[0] ?? "" }));
    return {
      synchronization: {
        ...(semHeld.length || semWait.length
          ? {
              semaphore: {
                ...(semHeld.length ? { holding: sem(semHeld) } : {}),
                ...(semWait.length ? { waiting: sem(semWait) } : {}),
              },
            }
          : {}),
        ...(mutHeld.length || mutWait.length
          ? {
              mutex: {
                ...(mutHeld.length ? { holding: mut(mutHeld) } : {}),
                ...(mutWait.length ? { waiting: mut(mutWait) } : {}),
              },
            }
          : {}),
      },
    };
  }

  /** `status.progress`: succeeded pods / pods (Argo counts pod nodes). */
  progress(): string {
    let done = 0;
    let all = 0;
    for (const n of this.tree.nodes.values()) {
      if (n.type !== "Pod") continue;
      all++;
      if (n.phase === "Succeeded") done++;
    }
    return `${done}/${all}`;
  }

  /** Coalesces node changes into one `onUpdate` per turn of the event loop. */
  changed(): void {
    if (!this.onUpdate || this.pendingUpdate) return;
    this.pendingUpdate = true;
    setImmediate(() => this.flush());
  }
  flush(): void {
    this.pendingUpdate = false;
    this.onUpdate?.(this.snapshot());
  }
}
