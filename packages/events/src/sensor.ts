import { compile, type KubernetesObject, MANIFESTS } from "@wfc/sdk";
import { fail } from "./errors.js";
import type { Dependency } from "./event.js";
import type { EventBusObject } from "./event-bus.js";
import { defined, type MetadataOptions, objectMeta, splitMetadata } from "./metadata.js";
import { type DependencyRef, dependencyRef } from "./param-source.js";
import type { TriggerObject } from "./trigger.js";
import type { EventDependency, Sensor, SensorSpec, Trigger } from "./types.gen.js";

/** The payload type of a dependency. */
type PayloadOf<D> = D extends Dependency<infer P> ? P : unknown;

/**
 * The {@link DependencyRef}s a sensor's `triggers` function receives: one per dependency, by name.
 *
 * @example
 * ```ts
 * triggers: (deps: DependencyRefs<{ push: EventHandle }>) => [logTrigger("log", {}, { conditions: `${deps.push}` })]
 * ```
 */
export type DependencyRefs<D extends Record<string, Dependency<unknown>>> = {
  readonly [K in keyof D & string]: DependencyRef<K, PayloadOf<D[K]>>;
};

/**
 * Options of {@link sensor}: metadata, the dependencies by name, the triggers, and the other `SensorSpec` fields.
 *
 * @example
 * ```ts
 * const o: SensorOptions<{ push: EventHandle }> = { name: "on-push", dependencies: { push: github.events.example }, triggers: [logTrigger("log", {})] };
 * ```
 */
export interface SensorOptions<D extends Record<string, Dependency<unknown>>>
  extends MetadataOptions,
    Omit<SensorSpec, "dependencies" | "triggers" | "eventBusName"> {
  /** The events the sensor waits for, by dependency name: event handles (`source.events.name`), filtered or not. */
  readonly dependencies: D;
  /** The triggers; a function receives the dependencies, to map event values into trigger parameters. */
  readonly triggers: readonly TriggerObject[] | ((deps: DependencyRefs<D>) => readonly TriggerObject[]);
  /** The event bus (an {@link eventBus} object or its name); the default bus when omitted. */
  readonly eventBus?: EventBusObject | string;
}

/**
 * A `Sensor`: exported from a module, `wfc build` emits it, followed by the WorkflowTemplates its triggers run.
 *
 * @example
 * ```ts
 * export const onPush = sensor({ name: "on-push", dependencies: { push: github.events.example }, triggers: [logTrigger("log", {})] });
 * onPush.manifest().spec.dependencies[0].eventSourceName; // "github"
 * ```
 */
export interface SensorObject {
  readonly [MANIFESTS]: () => readonly KubernetesObject[];
  /** `metadata.name`. */
  readonly name: string;
  /** The `Sensor` manifest. */
  manifest(): Sensor;
}

const IDENT = /[A-Za-z_][A-Za-z0-9_-]*/g;

function checkParameters(
  where: string,
  params: { src?: { dependencyName: string } }[] | undefined,
  names: Set<string>,
): void {
  for (const p of params ?? []) {
    if (p.src && !names.has(p.src.dependencyName))
      fail(
        "E_EVENTS_UNKNOWN_DEPENDENCY",
        `${where}: parameter reads dependency "${p.src.dependencyName}", which the sensor does not have`,
      );
  }
}

function checkTrigger(sensorName: string, t: Trigger, names: Set<string>): void {
  const where = `sensor ${sensorName}: trigger ${t.template?.name ?? "?"}`;
  for (const id of t.template?.conditions?.match(IDENT) ?? []) {
    if (!names.has(id))
      fail(
        "E_EVENTS_UNKNOWN_DEPENDENCY",
        `${where}: conditions name "${id}", which is not a dependency (${[...names].join(", ")})`,
      );
  }
  checkParameters(where, t.parameters, names);
  if (t.dlqTrigger) checkTrigger(sensorName, t.dlqTrigger, names);
  // Trigger-level parameters may rewrite the template's own parameters (their dependencyName too), so those are
  // checked only when there are none.
  if (t.parameters?.length) return;
  type Params = { src?: { dependencyName: string } }[] | undefined;
  for (const v of Object.values(t.template ?? {})) {
    if (!v || typeof v !== "object" || Array.isArray(v)) continue;
    const config = v as { parameters?: Params; payload?: Params };
    checkParameters(where, config.parameters, names);
    checkParameters(where, config.payload, names);
  }
}

/**
 * Builds a `Sensor`. Dependencies refer to event handles of event source objects, so a misspelt source or event
 * name is a compile error; `triggers` may be a function of the dependencies, whose values (`deps.x.data("body")`)
 * fill trigger parameters or workflow arguments. Conditions and parameters naming an unknown dependency are
 * reported when the sensor is built.
 *
 * @example
 * ```ts
 * export const onHook = sensor({
 *   name: "webhook",
 *   dependencies: { hook: hooks.events.example },
 *   triggers: (deps) => [argoWorkflowTrigger("hello", { workflow: hello, operation: "submit", arguments: { message: deps.hook.data("body") } })],
 * });
 * ```
 */
export function sensor<D extends Record<string, Dependency<unknown>>>(options: SensorOptions<D>): SensorObject {
  const [meta, rest] = splitMetadata(options);
  const { dependencies, triggers, eventBus, ...spec } = rest;
  const names = new Set(Object.keys(dependencies));
  const refs = Object.fromEntries([...names].map((n) => [n, dependencyRef(n)])) as unknown as DependencyRefs<D>;
  const triggerObjects = (): readonly TriggerObject[] => (typeof triggers === "function" ? triggers(refs) : triggers);
  const manifest = (objects = triggerObjects()): Sensor => {
    const deps: EventDependency[] = Object.entries(dependencies).map(([name, d]) => ({
      name,
      ...structuredClone(d.spec),
    }));
    const trig = objects.map((t) => t.manifest());
    for (const t of trig) checkTrigger(meta.name, t, names);
    return {
      apiVersion: "argoproj.io/v1alpha1",
      kind: "Sensor",
      metadata: objectMeta(meta),
      spec: defined({
        ...structuredClone(spec),
        eventBusName: typeof eventBus === "string" ? eventBus : eventBus?.name,
        dependencies: deps,
        triggers: trig,
      }),
    };
  };
  return {
    [MANIFESTS]: () => {
      const objects = triggerObjects();
      const out: KubernetesObject[] = [manifest(objects)];
      const seen = new Set<unknown>();
      for (const t of objects) {
        for (const wf of t.workflowTemplates) {
          if (seen.has(wf)) continue;
          seen.add(wf);
          out.push(compile(wf));
        }
      }
      return out;
    },
    name: meta.name,
    manifest: () => manifest(),
  };
}
