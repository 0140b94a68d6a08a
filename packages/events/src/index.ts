/**
 * # @wfc/events
 *
 * Write Argo Events in typed TypeScript, wired to the workflows you wrote with `@wfc/sdk`.
 *
 * In the event-based model, work is split into self-contained tasks that run when a message arrives and emit
 * messages of their own, instead of one DAG that knows every step:
 *
 * - an **EventSource** turns the outside world (a webhook call, a cron tick, a Kafka message, an S3 upload...)
 *   into events on the event bus. Build one with a typed builder per source type ({@link webhookSource},
 *   {@link calendarSource}, {@link kafkaSource}, ...): its `events` are typed handles;
 * - a **Sensor** waits for events (its `dependencies`, each an event handle, optionally filtered with
 *   `.filter(...)` and transformed with `.transform(...)`) and fires **triggers**: run a workflow
 *   ({@link argoWorkflowTrigger}, {@link k8sTrigger}), call a URL ({@link httpTrigger}), publish to Kafka or NATS,
 *   post to Slack, log ({@link logTrigger}), and the rest;
 * - an **EventBus** ({@link eventBus}) carries events from sources to sensors.
 *
 * A dependency names an event handle, not strings, so a misspelt source or event name is a compile error. A
 * workflow trigger takes a wfc workflow or WorkflowTemplate object and maps event values to its declared
 * parameters by name (checked against the workflow's parameters, and against their types when the event's
 * payload type is declared); the Argo trigger `parameters` are generated. Export the objects from a module and
 * `wfc build` emits the EventSources, Sensors (and the WorkflowTemplates they run); `wfc lint` checks them
 * against the Argo Events JSON schema ({@link validateEventsManifest}), rejecting unknown fields.
 *
 * @example
 * ```ts
 * import { container, param, workflow, z } from "@wfc/sdk";
 * import { argoWorkflowTrigger, sensor, webhookSource } from "@wfc/events";
 *
 * const say = container({ name: "say", inputs: { message: z.string() } }, { image: "busybox", command: ["echo"], args: ["{{inputs.parameters.message}}"] });
 * export const hello = workflow({ generateName: "hello-", parameters: { message: z.string() }, entrypoint: say });
 *
 * export const hooks = webhookSource({ name: "webhook", events: { example: { port: "12000", endpoint: "/example", method: "POST" } } });
 *
 * export const onHook = sensor({
 *   name: "webhook",
 *   dependencies: { hook: hooks.events.example.payload<{ body: { message: string } }>() },
 *   triggers: (deps) => [
 *     argoWorkflowTrigger("hello", { workflow: hello, operation: "submit", arguments: { message: deps.hook.data("body.message") } }),
 *   ],
 * });
 * ```
 *
 * @packageDocumentation
 */

export type { Dependency, EventHandle } from "./event.js";
// Events and dependencies
export { event, isDependency } from "./event.js";
export type { EventBusObject } from "./event-bus.js";
// Event bus
export { eventBus } from "./event-bus.js";
export type { EventSourceObject, EventSourceOptions, SourceConfig, SourceType } from "./event-source.js";
// Event sources
export { eventSource, externalEventSource, isEventSource } from "./event-source.js";
export type { Message, MessageBase, MessageData, MessageOptions, MessageSourceOptions, Transport } from "./message.js";
// Typed message contracts
export { message, messageSource } from "./message.js";
export type { DependencyRef, ParamSource, PayloadAt, PayloadPath, Untyped } from "./param-source.js";
export { dependencyRef, isParamSource, paramSource } from "./param-source.js";
export type { PublisherOptions } from "./publisher.js";
export { PUBLISH_ANNOTATION, publisher } from "./publisher.js";
export type { DependencyRefs, SensorObject, SensorOptions } from "./sensor.js";
// Sensors and triggers
export { sensor } from "./sensor.js";
export {
  amqpSource,
  azureEventsHubSource,
  azureQueueStorageSource,
  azureServiceBusSource,
  bitbucketSource,
  bitbucketserverSource,
  calendarSource,
  emitterSource,
  fileSource,
  genericSource,
  gerritSource,
  githubSource,
  gitlabSource,
  hdfsSource,
  kafkaSource,
  minioSource,
  mnsSource,
  mqttSource,
  natsSource,
  nsqSource,
  pubSubSource,
  pulsarSource,
  redisSource,
  redisStreamSource,
  resourceSource,
  sftpSource,
  slackSource,
  snsSource,
  sqsSource,
  storageGridSource,
  stripeSource,
  webhookSource,
} from "./sources.js";
export type { TriggerConfig, TriggerObject, TriggerOptions, TriggerType } from "./trigger.js";
export { isTrigger, trigger } from "./trigger.js";
export {
  awsLambdaTrigger,
  azureEventHubsTrigger,
  azureServiceBusTrigger,
  customTrigger,
  emailTrigger,
  httpTrigger,
  kafkaTrigger,
  logTrigger,
  natsTrigger,
  openWhiskTrigger,
  pulsarTrigger,
  slackTrigger,
} from "./triggers.js";
// Generated Argo Events types
export type * from "./types.gen.js";
export { RELAXED_REQUIRED } from "./types.gen.js";
export type { EventsValidationIssue } from "./validate.js";
// Validation
export { EVENTS_KINDS, isEventsManifest, validateEventsManifest } from "./validate.js";
export type { ExistingWorkflow, WorkflowArguments, WorkflowTriggerConfig } from "./workflow-trigger.js";
export { argoWorkflowTrigger, k8sTrigger } from "./workflow-trigger.js";
