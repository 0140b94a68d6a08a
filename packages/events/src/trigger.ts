import type { WorkflowObject } from "@wfc/sdk";
import { EVENTS_BRAND, hasEventsBrand } from "./brand.js";
import { defined } from "./metadata.js";
import type {
  ConditionsResetCriteria,
  EventsBackoff,
  RateLimit,
  Trigger,
  TriggerParameter,
  TriggerPolicy,
  TriggerTemplate,
} from "./types.gen.js";

/**
 * The trigger types of a `TriggerTemplate` (`argoWorkflow`, `k8s`, `http`, `kafka`, `log`, ...).
 *
 * @example
 * ```ts
 * const t: TriggerType = "http";
 * ```
 */
export type TriggerType = Exclude<keyof TriggerTemplate, "name" | "conditions" | "conditionsReset">;

/**
 * The configuration of a trigger type (for `"http"`, `HTTPTrigger`).
 *
 * @example
 * ```ts
 * const c: TriggerConfig<"log"> = { intervalSeconds: 10 };
 * ```
 */
export type TriggerConfig<T extends TriggerType> = NonNullable<TriggerTemplate[T]>;

/**
 * Options shared by every trigger: when it fires (`conditions`, `conditionsReset`), parameters applied to the
 * trigger template, retries, rate limit, the success policy, at-least-once delivery and the dead-letter trigger.
 *
 * @example
 * ```ts
 * const o: TriggerOptions = { conditions: "dep01 || dep02", retryStrategy: { steps: 3, duration: "3s" }, rateLimit: { unit: "Second", requestsPerUnit: 10 } };
 * ```
 */
export interface TriggerOptions {
  /** `template.conditions`: a boolean expression over dependency names (`a && (b || c)`). */
  readonly conditions?: string;
  /** `template.conditionsReset`: when to forget resolved dependencies. */
  readonly conditionsReset?: ConditionsResetCriteria[];
  /** `parameters`: trigger-level parameters, applied to the trigger template itself. */
  readonly parameters?: TriggerParameter[];
  /** `policy`: when the triggered operation counts as a success. */
  readonly policy?: TriggerPolicy;
  /** `rateLimit`. */
  readonly rateLimit?: RateLimit;
  /** `retryStrategy`. */
  readonly retryStrategy?: EventsBackoff;
  /** `atLeastOnce`: trigger at least once (at the cost of possible duplicates). */
  readonly atLeastOnce?: boolean;
  /** `dlqTrigger`: the trigger run when this one fails after its retries. */
  readonly dlqTrigger?: TriggerObject;
}

/**
 * A Sensor trigger, made by {@link trigger} or a typed builder ({@link httpTrigger}, {@link argoWorkflowTrigger}...).
 *
 * @example
 * ```ts
 * const t: TriggerObject = logTrigger("log-it", { intervalSeconds: 20 });
 * t.manifest(); // { template: { name: "log-it", log: { intervalSeconds: 20 } } }
 * ```
 */
export interface TriggerObject {
  readonly [EVENTS_BRAND.trigger]: true;
  /** `template.name`. */
  readonly name: string;
  /** The trigger type. */
  readonly type: TriggerType;
  /** WorkflowTemplates this trigger submits, emitted next to the Sensor by `wfc build`. */
  readonly workflowTemplates: readonly WorkflowObject[];
  /** The `Trigger` object of the Sensor spec. */
  manifest(): Trigger;
}

/**
 * True when `value` is a {@link TriggerObject}.
 *
 * @example
 * ```ts
 * if (isTrigger(value)) console.log(value.name);
 * ```
 */
export function isTrigger(value: unknown): value is TriggerObject {
  return hasEventsBrand(value, EVENTS_BRAND.trigger);
}

/**
 * A trigger of any type: `template.name`, `template.<type>` and the shared options. The typed builders are this
 * function with the type fixed.
 *
 * @example
 * ```ts
 * const t = trigger("log", "log-trigger", { intervalSeconds: 20 }, { retryStrategy: { steps: 3 } });
 * ```
 */
export function trigger<T extends TriggerType>(
  type: T,
  name: string,
  config: TriggerConfig<T> | (() => TriggerConfig<T>),
  options: TriggerOptions = {},
  workflowTemplates: readonly WorkflowObject[] = [],
): TriggerObject {
  return {
    [EVENTS_BRAND.trigger]: true,
    name,
    type,
    workflowTemplates,
    manifest: () => {
      const cfg = typeof config === "function" ? config() : structuredClone(config);
      const template = defined({
        name,
        conditions: options.conditions,
        conditionsReset: options.conditionsReset,
        [type]: cfg,
      }) as TriggerTemplate;
      return defined({
        template,
        parameters: options.parameters?.map((p) => structuredClone(p)),
        policy: options.policy,
        rateLimit: options.rateLimit,
        retryStrategy: options.retryStrategy,
        atLeastOnce: options.atLeastOnce,
        dlqTrigger: options.dlqTrigger?.manifest(),
      });
    },
  };
}
