/**
 * An event-driven set run on this machine: EventSources, Sensors and the workflows they trigger.
 * An event (injected with {@link EventChain.send}, or published by a running workflow's pod) is
 * delivered to every Sensor dependency that waits for it; each trigger that fires runs its
 * Workflow through the caller's `run` function, whose pods may publish further events. Events are
 * delivered one at a time in the order they arrive; triggered workflows run concurrently.
 */
import type { Workflow } from "@wfc/sdk/argo";
import type { Executor } from "../executor.js";
import type { LocalEvent } from "./cloud-event.js";
import { EventCodes, EventError } from "./errors.js";
import { findSourceEvent, type SourceEvent, sourceEvent, sourceEvents } from "./event-sources.js";
import { type LocalAction, localAction, workflowArguments } from "./local-trigger.js";
import type { EventSourceManifest, SensorManifest } from "./manifest-types.js";
import { type Published, publishingExecutor } from "./publishing-executor.js";
import { type DependencyOutcome, SensorRuntime, type TriggerFiring } from "./sensor-runtime.js";

/** One delivered event and what it did to the sensors. */
export interface EventRecord {
  /** 1, 2, ... in delivery order. */
  readonly index: number;
  /** `SOURCE/EVENT`. */
  readonly ref: string;
  /** `injected`, or `workflow W (node N)` for a message a workflow published. */
  readonly origin: string;
  readonly event: LocalEvent;
  readonly dependencies: readonly DependencyOutcome[];
}

/** One trigger that fired and what the local runner did with it. */
export interface TriggerRecord {
  /** 1, 2, ... in firing order. */
  readonly index: number;
  readonly sensor: string;
  readonly trigger: string;
  readonly type: string;
  readonly operation?: string;
  /** The event index each dependency's event had. */
  readonly events: Readonly<Record<string, number>>;
  /** `run` (a Workflow ran locally), `log`, `skip` (not performed locally) or `failed` (its parameters could not be resolved); see `reason`. */
  readonly action: LocalAction["kind"];
  readonly reason?: string;
  /** The workflow's `spec.arguments.parameters`, by name. */
  readonly arguments: Readonly<Record<string, string>>;
  /** The Workflow submitted (after the trigger's parameters). */
  readonly submitted?: Readonly<Record<string, unknown>>;
  /** The workflow's final state, once it ended. */
  result?: { readonly phase: string; readonly workflow: Workflow };
  /** Why the workflow could not run (it was invalid, the runner threw). */
  error?: string;
  readonly firing: TriggerFiring;
}

/** Options of {@link EventChain}. */
export interface EventChainOptions {
  /** Every loaded manifest: EventSources and Sensors are used, the rest serve `submit-from`. */
  readonly manifests: readonly unknown[];
  /** Runs one triggered Workflow with `executor` (this chain's publishing executor in front of the caller's). */
  readonly run: (
    workflow: Workflow,
    record: TriggerRecord,
  ) => Promise<{ readonly phase: string; readonly workflow: Workflow }>;
  /** The time events are stamped with. @default the real clock */
  readonly now?: () => Date;
  /** The most triggers one chain may fire (a message loop stops there with {@link EventCodes.loop}). @default 100 */
  readonly maxTriggers?: number;
  /** Makes event ids. @default random UUIDs */
  readonly newId?: () => string;
  /** Called after each event is delivered. */
  readonly onEvent?: (record: EventRecord) => void;
  /** Called when a trigger fires (before its workflow runs) and when its workflow ends. */
  readonly onTrigger?: (record: TriggerRecord, stage: "fired" | "ended") => void;
}

type Kinded = { kind?: string };

/**
 * A running event-driven set.
 *
 * @example
 * ```ts
 * const chain = new EventChain({ manifests, run: (wf) => execute(wf, { executor: chain.executor(inner) }) });
 * await chain.send("messages/file-uploaded", { path: "a.csv" });
 * await chain.settled();
 * chain.triggers.map((t) => [t.trigger, t.result?.phase]);
 * ```
 */
export class EventChain {
  readonly events: EventRecord[] = [];
  readonly triggers: TriggerRecord[] = [];
  readonly sourceEvents: readonly SourceEvent[];
  readonly #sensors: SensorRuntime;
  readonly #options: EventChainOptions;
  readonly #running = new Set<Promise<void>>();
  #queue: Promise<unknown> = Promise.resolve();
  #failure: unknown;

  constructor(options: EventChainOptions) {
    this.#options = options;
    const kinded = options.manifests as Kinded[];
    this.sourceEvents = sourceEvents(kinded.filter((m) => m.kind === "EventSource") as EventSourceManifest[]);
    this.#sensors = new SensorRuntime(kinded.filter((m) => m.kind === "Sensor") as SensorManifest[]);
  }

  /** `inner` with publishing pods turned into events of this chain. */
  executor(inner: Executor): Executor {
    return publishingExecutor(inner, this.sourceEvents, (p: Published) => {
      const origin = `workflow ${p.request.workflowName} (node ${p.request.nodeName})`;
      return this.#deliver(
        sourceEvent(p.event, p.payload, this.#now(), p.headers, this.#options.newId?.()),
        origin,
      ).then(() => undefined);
    });
  }

  #now(): Date {
    return this.#options.now?.() ?? new Date();
  }

  /**
   * Injects an event, as if the EventSource had received it: `ref` is `SOURCE/EVENT` (or `EVENT`
   * when one source has it); `payload` is the request or message body.
   */
  send(
    ref: string,
    payload: unknown,
    options: { readonly headers?: Readonly<Record<string, readonly string[]>>; readonly time?: Date } = {},
  ): Promise<EventRecord> {
    const e = findSourceEvent(this.sourceEvents, ref);
    return this.#deliver(
      sourceEvent(e, payload, options.time ?? this.#now(), options.headers, this.#options.newId?.()),
      "injected",
    );
  }

  /** Delivers an event made elsewhere. */
  deliver(event: LocalEvent, origin = "injected"): Promise<EventRecord> {
    return this.#deliver(event, origin);
  }

  #deliver(event: LocalEvent, origin: string): Promise<EventRecord> {
    const next = this.#queue.then(async () => {
      const delivery = await this.#sensors.deliver(event, new Date(event.context.time));
      const record: EventRecord = {
        index: this.events.length + 1,
        ref: `${event.context.source}/${event.context.subject}`,
        origin,
        event,
        dependencies: delivery.dependencies,
      };
      this.events.push(record);
      this.#options.onEvent?.(record);
      for (const f of delivery.firings) this.#fire(f);
      return record;
    });
    this.#queue = next.catch(() => undefined);
    return next;
  }

  #eventIndex(e: LocalEvent): number {
    return this.events.find((r) => r.event.context.id === e.context.id)?.index ?? this.events.length + 1;
  }

  #fire(firing: TriggerFiring): void {
    const max = this.#options.maxTriggers ?? 100;
    if (this.triggers.length >= max) {
      this.#failure ??= new EventError(
        EventCodes.loop,
        `the event chain fired ${max} triggers (the limit): a message loop? Last: sensor ${firing.sensor} trigger ${firing.trigger}`,
      );
      return;
    }
    const action = localAction(firing, this.#options.manifests as Parameters<typeof localAction>[1]);
    const events = Object.fromEntries(Object.entries(firing.events).map(([k, e]) => [k, this.#eventIndex(e)]));
    const record: TriggerRecord = {
      index: this.triggers.length + 1,
      sensor: firing.sensor,
      trigger: firing.trigger,
      type: firing.type,
      ...(firing.operation ? { operation: firing.operation } : {}),
      events,
      action: action.kind,
      ...(action.kind === "skip" || action.kind === "failed" ? { reason: action.reason } : {}),
      arguments: action.kind === "run" ? workflowArguments(action.workflow) : {},
      ...(action.kind === "run" ? { submitted: action.workflow } : {}),
      firing,
    };
    this.triggers.push(record);
    this.#options.onTrigger?.(record, "fired");
    if (action.kind !== "run") return;
    const p = this.#options
      .run(action.workflow as unknown as Workflow, record)
      .then(
        (r) => {
          record.result = r;
        },
        (e: unknown) => {
          record.error = e instanceof Error ? e.message : String(e);
        },
      )
      .finally(() => {
        this.#running.delete(p);
        this.#options.onTrigger?.(record, "ended");
      });
    this.#running.add(p);
  }

  /** Resolves when no event is being delivered and no triggered workflow runs; rejects on a message loop. */
  async settled(): Promise<void> {
    for (;;) {
      await this.#queue;
      if (!this.#running.size) break;
      await Promise.all([...this.#running]);
    }
    if (this.#failure) throw this.#failure;
  }
}
