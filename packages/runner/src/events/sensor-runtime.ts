/**
 * Sensors evaluated on this machine, as Argo Events' sensor does for each trigger: an event of a
 * dependency's `eventSourceName`/`eventName` is transformed, filtered, recorded against the
 * trigger's conditions, and when they hold the trigger fires with the events; its trigger-level
 * `parameters` rewrite the trigger template, the type's own `parameters` its resource.
 */
import type { LocalEvent } from "./cloud-event.js";
import { type DependencyExpression, dependencyExpression, TriggerConditions } from "./conditions.js";
import { EventError } from "./errors.js";
import { filterEvent } from "./filters.js";
import type { DependencySpec, SensorManifest, TriggerSpec } from "./manifest-types.js";
import { applyParams } from "./params.js";
import { applyTransform } from "./transform.js";

/** A trigger that fired: its sensor, name, type, and the template and resource with the event values written in. */
export interface TriggerFiring {
  readonly sensor: string;
  readonly trigger: string;
  /** The trigger type: the template's key (`argoWorkflow`, `k8s`, `log`, `http`, ...). */
  readonly type: string;
  /** The operation (`submit`, `create`, ...) for workflow and Kubernetes triggers. */
  readonly operation?: string;
  /** The events it fired with, by dependency name. */
  readonly events: Readonly<Record<string, LocalEvent>>;
  /** The trigger template after trigger-level `parameters`. */
  readonly template: Readonly<Record<string, unknown>>;
  /** `source.resource` after the type's `parameters` (workflow and Kubernetes triggers). */
  readonly resource?: Readonly<Record<string, unknown>>;
  /** Why the trigger's parameters could not be applied (Argo Events retries, then gives up on the action). */
  readonly error?: string;
}

/** What one event did to one sensor dependency. */
export interface DependencyOutcome {
  readonly sensor: string;
  readonly dependency: string;
  /** Whether the event passed the dependency's filters (after its transform). */
  readonly passed: boolean;
  /** A filter or transform error (the event is dropped, as Argo Events drops it, unless an `or` filter passed). */
  readonly error?: string;
  /** The triggers still waiting for other dependencies, by trigger name. */
  readonly waiting: Readonly<Record<string, readonly string[]>>;
}

/** What delivering one event did: each matching dependency's outcome and the triggers that fired. */
export interface Delivery {
  readonly event: LocalEvent;
  readonly dependencies: readonly DependencyOutcome[];
  readonly firings: readonly TriggerFiring[];
}

interface TriggerState {
  readonly spec: TriggerSpec;
  readonly expression: DependencyExpression;
  readonly conditions: TriggerConditions;
}

interface SensorState {
  readonly name: string;
  readonly dependencies: readonly DependencySpec[];
  readonly triggers: readonly TriggerState[];
}

const TYPE_FIELDS = new Set(["name", "conditions", "conditionsReset"]);

function triggerType(template: Readonly<Record<string, unknown>>): string {
  return Object.keys(template).find((k) => !TYPE_FIELDS.has(k) && template[k] !== undefined) ?? "unknown";
}

function fire(sensor: string, spec: TriggerSpec, events: Readonly<Record<string, LocalEvent>>): TriggerFiring {
  const template = applyParams(spec.template ?? {}, spec.parameters, events) as Record<string, unknown>;
  const type = triggerType(template);
  const config = (template[type] ?? {}) as {
    operation?: string;
    source?: { resource?: unknown };
    parameters?: Parameters<typeof applyParams>[1];
  };
  const base = { sensor, trigger: String(template.name ?? spec.template?.name ?? "?"), type, events, template };
  if (type !== "argoWorkflow" && type !== "k8s") return base;
  const operation = config.operation ?? (type === "k8s" ? "create" : "submit");
  const resource = config.source?.resource
    ? (applyParams(structuredClone(config.source.resource), config.parameters, events) as Record<string, unknown>)
    : undefined;
  return { ...base, operation, ...(resource ? { resource } : {}) };
}

function safeFire(sensor: string, spec: TriggerSpec, events: Readonly<Record<string, LocalEvent>>): TriggerFiring {
  try {
    return fire(sensor, spec, events);
  } catch (e) {
    if (!(e instanceof EventError)) throw e;
    const template = (spec.template ?? {}) as Record<string, unknown>;
    return {
      sensor,
      trigger: spec.template?.name ?? "?",
      type: triggerType(template),
      events,
      template,
      error: e.message,
    };
  }
}

/**
 * The loaded Sensors, with each trigger's conditions state.
 *
 * @example
 * ```ts
 * const sensors = new SensorRuntime([sensorManifest]);
 * const delivery = await sensors.deliver(event, new Date());
 * delivery.firings.map((f) => f.trigger);
 * ```
 */
export class SensorRuntime {
  readonly #sensors: readonly SensorState[];

  constructor(sensors: readonly SensorManifest[]) {
    this.#sensors = sensors.map((s) => {
      const name = s.metadata?.name ?? "?";
      const dependencies = s.spec.dependencies ?? [];
      const names = dependencies.map((d) => d.name);
      return {
        name,
        dependencies,
        triggers: (s.spec.triggers ?? []).map((spec) => {
          const expression = dependencyExpression(spec, names, `sensor ${name}`);
          return {
            spec,
            expression,
            conditions: new TriggerConditions(expression, spec.template?.conditionsReset ?? []),
          };
        }),
      };
    });
  }

  /** The sensors' names. */
  get names(): readonly string[] {
    return this.#sensors.map((s) => s.name);
  }

  /** Delivers `event` to every dependency that waits for it, at `now` (the time conditions resets are measured against). */
  async deliver(event: LocalEvent, now: Date): Promise<Delivery> {
    const outcomes: DependencyOutcome[] = [];
    const firings: TriggerFiring[] = [];
    for (const s of this.#sensors) {
      for (const dep of s.dependencies) {
        if (dep.eventSourceName !== event.context.source || dep.eventName !== event.context.subject) continue;
        let transformed: LocalEvent;
        try {
          transformed = await applyTransform(event, dep.transform, `sensor ${s.name}: dependency ${dep.name}`);
        } catch (e) {
          outcomes.push({
            sensor: s.name,
            dependency: dep.name,
            passed: false,
            error: (e as Error).message,
            waiting: {},
          });
          continue;
        }
        const verdict = filterEvent(transformed, dep.filters, dep.filtersLogicalOperator);
        const waiting: Record<string, readonly string[]> = {};
        if (verdict.pass) {
          for (const t of s.triggers) {
            if (!t.expression.names.includes(dep.name)) continue;
            const r = t.conditions.receive(dep.name, transformed, now);
            if (r.fired) firings.push(safeFire(s.name, t.spec, r.events));
            else waiting[t.spec.template?.name ?? "?"] = r.waiting;
          }
        }
        outcomes.push({
          sensor: s.name,
          dependency: dep.name,
          passed: verdict.pass,
          ...(verdict.error ? { error: verdict.error } : {}),
          waiting,
        });
      }
    }
    return { event, dependencies: outcomes, firings };
  }
}
