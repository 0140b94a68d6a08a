import { type TriggerConfig, type TriggerObject, type TriggerOptions, trigger } from "./trigger.js";

// One builder per trigger type of the schema (`TriggerTemplate`) other than argoWorkflow and k8s (see
// workflow-trigger.ts): `trigger(type, name, config, options)` with the type fixed.

/**
 * A `awsLambda` trigger (configured by `AWSLambdaTrigger`).
 *
 * @example
 * ```ts
 * awsLambdaTrigger("awslambda-trigger", config, { retryStrategy: { steps: 3 } }) // config: a AWSLambdaTrigger
 * ```
 */
export function awsLambdaTrigger(
  name: string,
  config: TriggerConfig<"awsLambda">,
  options?: TriggerOptions,
): TriggerObject {
  return trigger("awsLambda", name, config, options);
}

/**
 * A `azureEventHubs` trigger (configured by `AzureEventHubsTrigger`).
 *
 * @example
 * ```ts
 * azureEventHubsTrigger("azureeventhubs-trigger", config, { retryStrategy: { steps: 3 } }) // config: a AzureEventHubsTrigger
 * ```
 */
export function azureEventHubsTrigger(
  name: string,
  config: TriggerConfig<"azureEventHubs">,
  options?: TriggerOptions,
): TriggerObject {
  return trigger("azureEventHubs", name, config, options);
}

/**
 * A `azureServiceBus` trigger (configured by `AzureServiceBusTrigger`).
 *
 * @example
 * ```ts
 * azureServiceBusTrigger("azureservicebus-trigger", config, { retryStrategy: { steps: 3 } }) // config: a AzureServiceBusTrigger
 * ```
 */
export function azureServiceBusTrigger(
  name: string,
  config: TriggerConfig<"azureServiceBus">,
  options?: TriggerOptions,
): TriggerObject {
  return trigger("azureServiceBus", name, config, options);
}

/**
 * A `custom` trigger (configured by `CustomTrigger`).
 *
 * @example
 * ```ts
 * customTrigger("custom-trigger", config, { retryStrategy: { steps: 3 } }) // config: a CustomTrigger
 * ```
 */
export function customTrigger(name: string, config: TriggerConfig<"custom">, options?: TriggerOptions): TriggerObject {
  return trigger("custom", name, config, options);
}

/**
 * A `email` trigger (configured by `EmailTrigger`).
 *
 * @example
 * ```ts
 * emailTrigger("email-trigger", config, { retryStrategy: { steps: 3 } }) // config: a EmailTrigger
 * ```
 */
export function emailTrigger(name: string, config: TriggerConfig<"email">, options?: TriggerOptions): TriggerObject {
  return trigger("email", name, config, options);
}

/**
 * A `http` trigger (configured by `HTTPTrigger`).
 *
 * @example
 * ```ts
 * httpTrigger("http-trigger", { url: "https://example.com/hook", method: "POST", payload: [deps.hook.data("body").to("message")] }, { retryStrategy: { steps: 3 } })
 * ```
 */
export function httpTrigger(name: string, config: TriggerConfig<"http">, options?: TriggerOptions): TriggerObject {
  return trigger("http", name, config, options);
}

/**
 * A `kafka` trigger (configured by `KafkaTrigger`).
 *
 * @example
 * ```ts
 * kafkaTrigger("kafka-trigger", { url: "kafka:9092", topic: "events", payload: [deps.hook.data("body").to("message")] }, { retryStrategy: { steps: 3 } })
 * ```
 */
export function kafkaTrigger(name: string, config: TriggerConfig<"kafka">, options?: TriggerOptions): TriggerObject {
  return trigger("kafka", name, config, options);
}

/**
 * A `log` trigger (configured by `LogTrigger`).
 *
 * @example
 * ```ts
 * logTrigger("log-trigger", { intervalSeconds: 20 }, { retryStrategy: { steps: 3 } })
 * ```
 */
export function logTrigger(name: string, config: TriggerConfig<"log">, options?: TriggerOptions): TriggerObject {
  return trigger("log", name, config, options);
}

/**
 * A `nats` trigger (configured by `NATSTrigger`).
 *
 * @example
 * ```ts
 * natsTrigger("nats-trigger", { url: "nats://nats:4222", subject: "events", payload: [deps.hook.data("body").to("message")] }, { retryStrategy: { steps: 3 } })
 * ```
 */
export function natsTrigger(name: string, config: TriggerConfig<"nats">, options?: TriggerOptions): TriggerObject {
  return trigger("nats", name, config, options);
}

/**
 * A `openWhisk` trigger (configured by `OpenWhiskTrigger`).
 *
 * @example
 * ```ts
 * openWhiskTrigger("openwhisk-trigger", config, { retryStrategy: { steps: 3 } }) // config: a OpenWhiskTrigger
 * ```
 */
export function openWhiskTrigger(
  name: string,
  config: TriggerConfig<"openWhisk">,
  options?: TriggerOptions,
): TriggerObject {
  return trigger("openWhisk", name, config, options);
}

/**
 * A `pulsar` trigger (configured by `PulsarTrigger`).
 *
 * @example
 * ```ts
 * pulsarTrigger("pulsar-trigger", config, { retryStrategy: { steps: 3 } }) // config: a PulsarTrigger
 * ```
 */
export function pulsarTrigger(name: string, config: TriggerConfig<"pulsar">, options?: TriggerOptions): TriggerObject {
  return trigger("pulsar", name, config, options);
}

/**
 * A `slack` trigger (configured by `SlackTrigger`).
 *
 * @example
 * ```ts
 * slackTrigger("slack-trigger", { channel: "general", message: "hello", slackToken: { name: "slack-secret", key: "token" } }, { retryStrategy: { steps: 3 } })
 * ```
 */
export function slackTrigger(name: string, config: TriggerConfig<"slack">, options?: TriggerOptions): TriggerObject {
  return trigger("slack", name, config, options);
}
