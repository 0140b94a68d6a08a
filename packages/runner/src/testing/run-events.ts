/**
 * `runEvents`: the event-driven side of the harness. Load a module's (or a YAML set's)
 * EventSources, Sensors and workflows, send events, and get back which triggers fired, with which
 * workflow parameters, and how each triggered workflow ran, under the local runner with the
 * test's mocks, on a virtual clock, without a cluster or Argo Events.
 */
import { compile, isManifestable, isWorkflow, MANIFESTS } from "@wfc/sdk";
import type { Workflow } from "@wfc/sdk/argo";
import type { Clock } from "../clock.js";
import { virtualClock } from "../clock-virtual.js";
import { EventChain, type EventRecord, type TriggerRecord } from "../events/event-chain.js";
import { PUBLISH_ANNOTATION } from "../events/publishing-executor.js";
import type { DependencyOutcome } from "../events/sensor-runtime.js";
import type { Executor } from "../executor.js";
import type { Mock } from "./mock.js";
import type { WorkflowRun } from "./run-result.js";
import { runWorkflowWrapped } from "./run-workflow.js";

/**
 * A typed message contract as `@wfc/events`' `message()` makes it: events sent by contract have a
 * payload of the contract's type.
 *
 * @example
 * ```ts
 * const contract: MessageLike<{ path: string }> = fileUploaded;
 * ```
 */
export interface MessageLike<T> {
  readonly name: string;
  readonly source: string;
  readonly payload: { readonly _zod: { readonly output: T } };
}

/**
 * One event to send: by `SOURCE/EVENT` name (any payload), or by message contract (a typed payload).
 *
 * @example
 * ```ts
 * const e: SentEvent = { event: "messages/file-uploaded", payload: { path: "a.csv" } };
 * ```
 */
export type SentEvent =
  | {
      readonly event: string;
      readonly payload?: unknown;
      readonly headers?: Readonly<Record<string, readonly string[]>>;
      readonly time?: Date;
    }
  | {
      readonly event: MessageLike<unknown>;
      readonly payload: unknown;
      readonly headers?: Readonly<Record<string, readonly string[]>>;
      readonly time?: Date;
    };

/**
 * A typed {@link SentEvent} for a message contract: the payload must have the contract's type.
 *
 * @example
 * ```ts
 * await runEvents(chain, [send(fileUploaded, { path: "a.csv" })]);
 * ```
 */
export function send<T>(
  contract: MessageLike<T>,
  payload: NoInfer<T>,
  options: { readonly headers?: Readonly<Record<string, readonly string[]>>; readonly time?: Date } = {},
): SentEvent {
  return { event: contract, payload, ...options };
}

/**
 * Options of {@link runEvents}.
 *
 * @example
 * ```ts
 * const o: RunEventsOptions = { mocks: [mock(ingestFile, { result: 3 })], maxTriggers: 10 };
 * ```
 */
export interface RunEventsOptions {
  /** What pods do instead of running (for every triggered workflow). @default [] */
  readonly mocks?: readonly Mock[];
  /** Runs container pods no mock answers (see `runWorkflow`). @default none */
  readonly engine?: Executor;
  /** Run node scripts in their image on `engine`. @default false */
  readonly isolate?: boolean;
  /** Where time comes from: events are stamped with its time. @default a `virtualClock()` at 2026-01-01T12:00:00Z */
  readonly clock?: Clock;
  /** ConfigMaps and Secrets by name. @default {} */
  readonly configMaps?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly secrets?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** The most triggers the chain may fire (a message loop stops there). @default 100 */
  readonly maxTriggers?: number;
}

/**
 * A trigger that fired, what the local runner did, and (for a workflow it ran) the run.
 *
 * @example
 * ```ts
 * const t: Triggered = run.triggered[0]!;
 * expect(t.arguments).toEqual({ path: "a.csv" });
 * ```
 */
export interface Triggered {
  readonly sensor: string;
  readonly trigger: string;
  /** `argoWorkflow`, `k8s`, `log`, `http`, ... */
  readonly type: string;
  readonly operation?: string;
  /** `run`, `log`, `skip` (not performed locally) or `failed` (its parameters could not be resolved): see `reason`. */
  readonly action: "run" | "log" | "skip" | "failed";
  readonly reason?: string;
  /** The workflow's `spec.arguments.parameters` by name, as the trigger's parameters wrote them. */
  readonly arguments: Readonly<Record<string, string>>;
  /** The event index of each dependency's event. */
  readonly events: Readonly<Record<string, number>>;
  /** The triggered workflow's phase. */
  readonly phase?: string;
  /** The triggered workflow's run (nodes, outputs, logs), as `runWorkflow` returns it. */
  readonly run?: WorkflowRun;
  /** Why the workflow could not run. */
  readonly error?: string;
  /** The Workflow as submitted. */
  readonly workflow?: Readonly<Record<string, unknown>>;
}

/**
 * A delivered event.
 *
 * @example
 * ```ts
 * expect(run.events[0]!.dependencies.map((d) => d.passed)).toEqual([false]);
 * ```
 */
export interface DeliveredEvent {
  readonly index: number;
  /** `SOURCE/EVENT`. */
  readonly ref: string;
  /** `injected` or `workflow W (node N)`. */
  readonly origin: string;
  /** The event data (a webhook's `{ header, body }`, ...). */
  readonly data: unknown;
  readonly dependencies: readonly DependencyOutcome[];
}

/**
 * The result of {@link runEvents}.
 *
 * @example
 * ```ts
 * expect(run.triggered.map((t) => [t.trigger, t.phase])).toEqual([["ingest", "Succeeded"], ["report", "Succeeded"]]);
 * ```
 */
export interface EventsRun {
  /** Every event delivered, in order (injected and published by workflows). */
  readonly events: readonly DeliveredEvent[];
  /** Every trigger that fired, in order. */
  readonly triggered: readonly Triggered[];
  /** The triggers of one sensor (or one trigger name). */
  triggeredBy(sensorOrTrigger: string): readonly Triggered[];
}

type Manifest = { kind?: string; metadata?: { name?: string; generateName?: string } };

/** The manifests of a module namespace, an array of wfc objects, or manifests. */
function manifestsOf(set: unknown): Manifest[] {
  const values = Array.isArray(set) ? set : Object.values(set as Record<string, unknown>);
  const out: Manifest[] = [];
  const seen = new Set<string>();
  const add = (m: Manifest): void => {
    const key = `${m.kind}/${m.metadata?.name ?? m.metadata?.generateName}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(m);
  };
  for (const v of values) {
    if (isManifestable(v)) for (const m of v[MANIFESTS]()) add(m as Manifest);
    else if (isWorkflow(v)) add(compile(v) as Manifest);
    else if (v && typeof v === "object" && "kind" in v) add(v as Manifest);
  }
  return out;
}

function publisherTemplates(wf: Workflow): Set<string> {
  const names = new Set<string>();
  for (const t of wf.spec?.templates ?? [])
    if (t.metadata?.annotations?.[PUBLISH_ANNOTATION] && t.name) names.add(t.name);
  return names;
}

function triggered(r: TriggerRecord, runs: Map<number, WorkflowRun>): Triggered {
  const run = runs.get(r.index);
  return {
    sensor: r.sensor,
    trigger: r.trigger,
    type: r.type,
    ...(r.operation ? { operation: r.operation } : {}),
    action: r.action,
    ...(r.reason ? { reason: r.reason } : {}),
    arguments: r.arguments,
    events: r.events,
    ...(r.result ? { phase: r.result.phase } : {}),
    ...(run ? { run } : {}),
    ...(r.error ? { error: r.error } : {}),
    ...(r.submitted ? { workflow: r.submitted } : {}),
  };
}

/**
 * Sends `events` to the EventSources and Sensors of `set` (a module namespace — `await
 * import("./chain.js")` — an array of wfc objects, or manifests read from YAML) and runs the chain:
 * each trigger that fires runs its workflow with the harness (mocks, virtual clock); messages those
 * workflows publish are delivered too. Resolves when the chain is quiet.
 *
 * @example
 * ```ts
 * import * as chain from "./chain.js";
 * const run = await runEvents(chain, [send(chain.fileUploaded, { path: "a.csv" })], { mocks: [mock(chain.ingestFile, { rows: 3 })] });
 * expect(run.triggered.map((t) => t.trigger)).toEqual(["ingest", "report"]);
 * expect(run.triggeredBy("report")[0]!.arguments).toEqual({ path: "a.csv.parquet" });
 * ```
 */
export async function runEvents(
  set: unknown,
  events: readonly SentEvent[],
  options: RunEventsOptions = {},
): Promise<EventsRun> {
  const manifests = manifestsOf(set);
  const clock = options.clock ?? virtualClock(Date.parse("2026-01-01T12:00:00Z"));
  const templates = manifests.filter(
    (m) => m.kind === "WorkflowTemplate" || m.kind === "ClusterWorkflowTemplate",
  ) as unknown as Workflow[];
  const runs = new Map<number, WorkflowRun>();
  let ids = 0;
  const chain: EventChain = new EventChain({
    manifests,
    newId: () => `event-${++ids}`,
    now: () => new Date(clock.now()),
    ...(options.maxTriggers !== undefined ? { maxTriggers: options.maxTriggers } : {}),
    run: async (wf, record) => {
      const base = wf.metadata?.name ?? wf.metadata?.generateName ?? "workflow-";
      const run = await runWorkflowWrapped(
        wf,
        {
          ...(options.mocks ? { mocks: options.mocks } : {}),
          ...(options.engine ? { engine: options.engine } : {}),
          ...(options.isolate ? { isolate: options.isolate } : {}),
          ...(options.configMaps ? { configMaps: options.configMaps } : {}),
          ...(options.secrets ? { secrets: options.secrets } : {}),
          templates,
          clock,
          name: wf.metadata?.name ?? `${base}${record.index}`,
        },
        (e) => chain.executor(e),
        new Set([...publisherTemplates(wf), ...templates.flatMap((t) => [...publisherTemplates(t)])]),
      );
      runs.set(record.index, run);
      return { phase: run.phase, workflow: run.workflow };
    },
  });
  for (const e of events) {
    const ref = typeof e.event === "string" ? e.event : `${e.event.source}/${e.event.name}`;
    await chain.send(ref, e.payload, {
      ...(e.headers ? { headers: e.headers } : {}),
      ...(e.time ? { time: e.time } : {}),
    });
  }
  await chain.settled();
  const list = chain.triggers.map((r) => triggered(r, runs));
  const delivered = chain.events.map(
    (r: EventRecord): DeliveredEvent => ({
      index: r.index,
      ref: r.ref,
      origin: r.origin,
      data: r.event.data,
      dependencies: r.dependencies,
    }),
  );
  return {
    events: delivered,
    triggered: list,
    triggeredBy: (name) => list.filter((t) => t.sensor === name || t.trigger === name),
  };
}
