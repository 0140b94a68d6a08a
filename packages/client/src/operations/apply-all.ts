/**
 * Applying several objects as one change: Argo Events objects and the Argo templates they use, in
 * dependency order (EventBus, then WorkflowTemplates, ClusterWorkflowTemplates and CronWorkflows,
 * then EventSources, then Sensors), every object first sent as a server dry run (`dryRun=All`), so
 * an object the server refuses stops the apply before anything is stored. When a later write still
 * fails, the error says exactly what was applied and what was not.
 */
import { APPLIED_HASH_ANNOTATION, type ApplyAction, hashOf, sameJson } from "../apply.js";
import { ClusterError } from "../errors.js";
import { resourceFor } from "../resources.js";
import type { KubeObject } from "../types.js";
import { WfcError } from "../wfc-error.js";
import type { WorkflowClient, WriteOptions } from "../workflow-client.js";
import {
  createEventsObject,
  type EventsKind,
  eventsKindFor,
  getEventsObject,
  updateEventsObject,
} from "./events-resources.js";
import { kubePath } from "./paths.js";

/**
 * One object of an {@link applyAll}: what was done and the object as stored.
 *
 * @example
 * ```ts
 * for (const r of await applyAll(client, manifests)) console.log(r.action, r.object.metadata?.name);
 * ```
 */
export interface AppliedObject {
  readonly action: ApplyAction;
  readonly object: KubeObject;
  /** Index of the manifest in the input. */
  readonly index: number;
}

/**
 * A write failed after others succeeded (`E_PARTIAL_APPLY`): `applied` were stored, `notApplied` were not.
 *
 * @example
 * ```ts
 * catch (e) { if (e instanceof PartialApplyError) console.error(e.notApplied.join(", ")); }
 * ```
 */
export class PartialApplyError extends WfcError {
  constructor(
    readonly applied: readonly string[],
    readonly notApplied: readonly string[],
    readonly failure: unknown,
  ) {
    super(
      "E_PARTIAL_APPLY",
      `${(failure as Error).message}; applied before it: ${applied.join(", ") || "nothing"}; not applied: ${notApplied.join(", ")}`,
    );
    this.name = "PartialApplyError";
  }
}

/**
 * The server dry run refused an object (`E_DRY_RUN`); nothing was applied.
 *
 * @example
 * ```ts
 * catch (e) { if (e instanceof DryRunRefusedError) console.error(e.index); }
 * ```
 */
export class DryRunRefusedError extends WfcError {
  constructor(
    readonly index: number,
    readonly failure: unknown,
  ) {
    super("E_DRY_RUN", `${(failure as Error).message}; nothing was applied`);
    this.name = "DryRunRefusedError";
  }
}

const RANK: Record<string, number> = {
  EventBus: 0,
  WorkflowTemplate: 1,
  ClusterWorkflowTemplate: 1,
  CronWorkflow: 1,
  EventSource: 2,
  Sensor: 3,
};

/**
 * The order objects are applied in (stable within a kind): EventBus, Argo templates, EventSources, Sensors.
 *
 * @example
 * ```ts
 * applyOrder([sensor, bus]).map((i) => i) // [1, 0]
 * ```
 */
export function applyOrder(manifests: readonly KubeObject[]): number[] {
  return manifests
    .map((m, i) => ({ i, r: RANK[String(m.kind)] ?? 1 }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.i);
}

/** `sensor.argoproj.io/webhook`, as kubectl names objects. @example `label(sensor)` */
function label(m: KubeObject): string {
  return `${String(m.kind).toLowerCase()}.argoproj.io/${m.metadata?.name ?? ""}`;
}

interface Step {
  readonly index: number;
  readonly manifest: KubeObject;
  readonly desired: KubeObject;
  readonly existing: KubeObject | undefined;
  readonly action: ApplyAction;
}

function isNotFound(err: unknown): boolean {
  return err instanceof ClusterError && err.code === "NotFound";
}

async function existing(client: WorkflowClient, m: KubeObject): Promise<KubeObject | undefined> {
  const name = m.metadata?.name ?? "";
  const ek = eventsKindFor(String(m.kind));
  try {
    return ek
      ? await getEventsObject(client, ek, name, m.metadata?.namespace)
      : await client.get(resourceFor(String(m.kind)).kind, name, m.metadata?.namespace);
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

/** Sends the create or update of a step (as a dry run when asked). */
async function write(client: WorkflowClient, step: Step, options: WriteOptions, dryRun: boolean): Promise<KubeObject> {
  const ek: EventsKind | undefined = eventsKindFor(String(step.manifest.kind));
  const body: KubeObject =
    step.action === "configured"
      ? {
          ...step.desired,
          metadata: { ...step.desired.metadata, resourceVersion: step.existing?.metadata?.resourceVersion },
        }
      : step.desired;
  if (ek) {
    const o = { ...options, dryRun };
    return step.action === "created" ? createEventsObject(client, body, o) : updateEventsObject(client, body, o);
  }
  if (step.action === "created") return client.create(body, { ...options, ...(dryRun ? { dryRun: "server" } : {}) });
  if (!dryRun) return client.update(body, options);
  // a dry-run update: only the Kubernetes API has one
  const res = resourceFor(String(body.kind));
  const ns = body.metadata?.namespace ?? client.namespace;
  const name = body.metadata?.name ?? "";
  const q = new URLSearchParams({ dryRun: "All", fieldValidation: options.fieldValidation ?? "Strict" });
  return client.raw({
    method: "PUT",
    path: `${kubePath(res.plural, res.namespaced ? ns : undefined, name)}?${q}`,
    body: res.namespaced ? { ...body, metadata: { ...body.metadata, namespace: ns } } : body,
    action: `validating (server dry run) the update of ${res.kind} "${name}"${res.namespaced ? ` in namespace "${ns}"` : ""}`,
    permission: `update ${res.plural}.argoproj.io`,
    ...(res.namespaced ? { namespace: ns } : {}),
    ...(options.onWarning ? { onWarning: options.onWarning } : {}),
  });
}

/**
 * Applies `manifests` (WorkflowTemplates, ClusterWorkflowTemplates, CronWorkflows, EventBuses,
 * EventSources, Sensors) in dependency order, each created, updated when it changed since the last
 * apply, or left alone. When more than one object changes, every create and update is first sent
 * as a server dry run (updates only in Kubernetes mode, the Argo Server has none); a refusal there
 * throws {@link DryRunRefusedError} with nothing applied. A write failing after others throws {@link PartialApplyError}.
 *
 * @example
 * ```ts
 * const results = await applyAll(client, [sensor, template, bus], { fieldValidation: "Strict" });
 * ```
 */
export async function applyAll(
  client: WorkflowClient,
  manifests: readonly KubeObject[],
  options: WriteOptions = {},
): Promise<AppliedObject[]> {
  const steps: Step[] = [];
  for (const index of applyOrder(manifests)) {
    const manifest = manifests[index] as KubeObject;
    if (!manifest.metadata?.name)
      throw new ClusterError(
        "BadRequest",
        `wfc apply needs metadata.name on ${String(manifest.kind)} (generateName is not enough to update it later)`,
      );
    const hash = hashOf(manifest);
    const desired: KubeObject = {
      ...manifest,
      metadata: {
        ...manifest.metadata,
        annotations: { ...manifest.metadata.annotations, [APPLIED_HASH_ANNOTATION]: hash },
      },
    };
    const found = await existing(client, manifest);
    const action: ApplyAction = !found
      ? "created"
      : found.metadata?.annotations?.[APPLIED_HASH_ANNOTATION] === hash && sameJson(found.spec, manifest.spec)
        ? "unchanged"
        : "configured";
    steps.push({ index, manifest, desired, existing: found, action });
  }
  // one write is all-or-nothing by itself; several are first all sent as dry runs (their warnings
  // are the real writes' warnings, printed once, then)
  const changes = steps.filter((s) => s.action !== "unchanged");
  const { onWarning: _dropped, ...quiet } = options;
  for (const step of changes.length > 1 ? changes : []) {
    if (step.action === "configured" && client.mode !== "kubernetes") continue;
    try {
      await write(client, step, quiet, true);
    } catch (err) {
      throw new DryRunRefusedError(step.index, err);
    }
  }
  const done: AppliedObject[] = [];
  for (const [i, step] of steps.entries()) {
    if (step.action === "unchanged") {
      done.push({ action: "unchanged", object: step.existing as KubeObject, index: step.index });
      continue;
    }
    try {
      done.push({ action: step.action, object: await write(client, step, options, false), index: step.index });
    } catch (err) {
      if (!done.some((d) => d.action !== "unchanged")) throw new DryRunRefusedError(step.index, err);
      throw new PartialApplyError(
        done.filter((d) => d.action !== "unchanged").map((d) => `${label(d.object)} ${d.action}`),
        steps.slice(i).map((s) => label(s.manifest)),
        err,
      );
    }
  }
  return done;
}
