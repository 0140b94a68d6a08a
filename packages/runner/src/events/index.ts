/**
 * Argo Events on this machine: Sensors evaluated as Argo Events evaluates them (filters,
 * transforms, trigger conditions, trigger parameters) over events injected or published by the
 * workflows they trigger, which run under the local runner. Plain-manifest logic: any Argo Events
 * YAML works.
 *
 * @packageDocumentation
 */

export type { EventContext, LocalEvent, LocalEventInit } from "./cloud-event.js";
export { localEvent } from "./cloud-event.js";
export type { ConditionOutcome, DependencyExpression } from "./conditions.js";
export { dependencyExpression, TriggerConditions } from "./conditions.js";
export { EventCodes, EventError } from "./errors.js";
export type { EventChainOptions, EventRecord, TriggerRecord } from "./event-chain.js";
export { EventChain } from "./event-chain.js";
export type { SourceEvent } from "./event-sources.js";
export { eventData, findSourceEvent, sourceEvent, sourceEvents, webhookEventFor } from "./event-sources.js";
export type { FilterVerdict } from "./filters.js";
export { filterEvent } from "./filters.js";
export { executeGoTemplate } from "./go-template.js";
export type { LocalAction } from "./local-trigger.js";
export { localAction, workflowArguments } from "./local-trigger.js";
export type * from "./manifest-types.js";
export type { ResolvedValue } from "./params.js";
export { applyParams, resolveParamValue } from "./params.js";
export type { Published } from "./publishing-executor.js";
export { PUBLISH_ANNOTATION, publishingExecutor } from "./publishing-executor.js";
export type { Delivery, DependencyOutcome, TriggerFiring } from "./sensor-runtime.js";
export { SensorRuntime } from "./sensor-runtime.js";
export { applyTransform } from "./transform.js";
