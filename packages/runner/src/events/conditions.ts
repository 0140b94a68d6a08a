/**
 * A trigger's `conditions` as Argo Events evaluates them (pkg/sensors/listener.go and the
 * JetStream trigger connection): a govaluate boolean expression over dependency names (default:
 * every dependency, joined by `&&`). Without `&&` each event that passes its dependency's filters
 * fires the trigger alone. With `&&`, the latest event of each dependency is kept until the
 * expression holds; then the trigger fires with the kept events and they are cleared.
 * `conditionsReset.byTime.cron` drops the kept events at each tick of the schedule.
 */
import { Cron } from "croner";
import { evaluateGovaluate } from "../expr/when.js";
import type { LocalEvent } from "./cloud-event.js";
import { EventCodes, EventError } from "./errors.js";
import type { TriggerSpec } from "./manifest-types.js";

/** The dependency expression of a trigger (govaluate text, `-` escaped) and the names it uses. */
export interface DependencyExpression {
  readonly text: string;
  readonly names: readonly string[];
  readonly and: boolean;
}

/**
 * The expression of `trigger` over the sensor's dependency names; rejects names that are not dependencies.
 *
 * @example
 * ```ts
 * dependencyExpression({ template: { name: "t", conditions: "a && (b || c)" } }, ["a", "b", "c"], "sensor s");
 * ```
 */
export function dependencyExpression(
  trigger: TriggerSpec,
  dependencies: readonly string[],
  where: string,
): DependencyExpression {
  const source = trigger.template?.conditions || dependencies.join("&&");
  const names = [...new Set(source.match(/[A-Za-z0-9_][A-Za-z0-9_-]*/g) ?? [])].filter(
    (n) => n !== "true" && n !== "false",
  );
  const unknown = names.filter((n) => !dependencies.includes(n));
  if (unknown.length)
    throw new EventError(
      EventCodes.conditions,
      `${where}: trigger ${trigger.template?.name ?? "?"}: conditions "${source}" name ${unknown.map((n) => `"${n}"`).join(", ")}, not a dependency (${dependencies.join(", ")})`,
    );
  return { text: source.replaceAll("-", "\\-"), names, and: source.includes("&") };
}

/** What a delivered event did to a trigger: fired it (with these events) or was kept waiting. */
export type ConditionOutcome =
  | { readonly fired: true; readonly events: Readonly<Record<string, LocalEvent>> }
  | { readonly fired: false; readonly waiting: readonly string[] };

/**
 * The state of one trigger's conditions: the events kept per dependency.
 *
 * @example
 * ```ts
 * const c = new TriggerConditions(expr, []);
 * c.receive("a", event, new Date()); // { fired: false, waiting: ["a"] } for "a && b"
 * ```
 */
export class TriggerConditions {
  readonly #saved = new Map<string, LocalEvent>();
  readonly #resets: readonly Cron[];

  constructor(
    readonly expression: DependencyExpression,
    resets: readonly { readonly byTime?: { readonly cron: string; readonly timezone?: string } }[],
  ) {
    this.#resets = resets
      .filter((r) => r.byTime?.cron)
      .map(
        (r) =>
          new Cron(r.byTime?.cron ?? "", {
            paused: true,
            ...(r.byTime?.timezone ? { timezone: r.byTime.timezone } : {}),
          }),
      );
  }

  /** Dependency names with a kept event. */
  get waiting(): readonly string[] {
    return [...this.#saved.keys()];
  }

  /** Drops kept events that a `conditionsReset` tick passed since they arrived. */
  #reset(now: Date): void {
    for (const [name, e] of this.#saved) {
      const at = new Date(e.context.time);
      if (this.#resets.some((c) => (c.nextRun(at)?.getTime() ?? Number.POSITIVE_INFINITY) <= now.getTime()))
        this.#saved.delete(name);
    }
  }

  /** An event of dependency `name` that passed its filters, at `now`. */
  receive(name: string, event: LocalEvent, now: Date): ConditionOutcome {
    if (!this.expression.names.includes(name)) return { fired: false, waiting: this.waiting };
    if (!this.expression.and) return { fired: true, events: { [name]: event } };
    this.#reset(now);
    const params: Record<string, boolean> = {};
    for (const n of this.expression.names) params[n] = this.#saved.has(n);
    params[name] = true;
    const result = evaluateGovaluate(this.expression.text, params);
    if (result === true) {
      const events = { ...Object.fromEntries(this.#saved), [name]: event };
      this.#saved.clear();
      return { fired: true, events };
    }
    this.#saved.set(name, event);
    return { fired: false, waiting: this.waiting };
  }
}
