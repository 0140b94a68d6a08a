import { type EventSourceObject, type EventSourceOptions, eventSource } from "./event-source.js";

// One builder per event source type of the schema (`EventSourceSpec`). Each is `eventSource(type, options)`
// with the type fixed, so `events` is checked against that type's generated configuration.

/**
 * An `EventSource` of type `amqp` (each event configured by `AMQPEventSource`).
 *
 * @example
 * ```ts
 * const src = amqpSource({ name: "amqp", events: { example: config } }); // config: a AMQPEventSource
 * ```
 */
export function amqpSource<E extends string>(options: EventSourceOptions<"amqp", E>): EventSourceObject<E> {
  return eventSource("amqp", options);
}

/**
 * An `EventSource` of type `azureEventsHub` (each event configured by `AzureEventsHubEventSource`).
 *
 * @example
 * ```ts
 * const src = azureEventsHubSource({ name: "azureeventshub", events: { example: config } }); // config: a AzureEventsHubEventSource
 * ```
 */
export function azureEventsHubSource<E extends string>(
  options: EventSourceOptions<"azureEventsHub", E>,
): EventSourceObject<E> {
  return eventSource("azureEventsHub", options);
}

/**
 * An `EventSource` of type `azureQueueStorage` (each event configured by `AzureQueueStorageEventSource`).
 *
 * @example
 * ```ts
 * const src = azureQueueStorageSource({ name: "azurequeuestorage", events: { example: config } }); // config: a AzureQueueStorageEventSource
 * ```
 */
export function azureQueueStorageSource<E extends string>(
  options: EventSourceOptions<"azureQueueStorage", E>,
): EventSourceObject<E> {
  return eventSource("azureQueueStorage", options);
}

/**
 * An `EventSource` of type `azureServiceBus` (each event configured by `AzureServiceBusEventSource`).
 *
 * @example
 * ```ts
 * const src = azureServiceBusSource({ name: "azureservicebus", events: { example: config } }); // config: a AzureServiceBusEventSource
 * ```
 */
export function azureServiceBusSource<E extends string>(
  options: EventSourceOptions<"azureServiceBus", E>,
): EventSourceObject<E> {
  return eventSource("azureServiceBus", options);
}

/**
 * An `EventSource` of type `bitbucket` (each event configured by `BitbucketEventSource`).
 *
 * @example
 * ```ts
 * const src = bitbucketSource({ name: "bitbucket", events: { example: config } }); // config: a BitbucketEventSource
 * ```
 */
export function bitbucketSource<E extends string>(options: EventSourceOptions<"bitbucket", E>): EventSourceObject<E> {
  return eventSource("bitbucket", options);
}

/**
 * An `EventSource` of type `bitbucketserver` (each event configured by `BitbucketServerEventSource`).
 *
 * @example
 * ```ts
 * const src = bitbucketserverSource({ name: "bitbucketserver", events: { example: config } }); // config: a BitbucketServerEventSource
 * ```
 */
export function bitbucketserverSource<E extends string>(
  options: EventSourceOptions<"bitbucketserver", E>,
): EventSourceObject<E> {
  return eventSource("bitbucketserver", options);
}

/**
 * An `EventSource` of type `calendar` (each event configured by `CalendarEventSource`).
 *
 * @example
 * ```ts
 * const src = calendarSource({ name: "calendar", events: { "every-10s": { interval: "10s" } } });
 * ```
 */
export function calendarSource<E extends string>(options: EventSourceOptions<"calendar", E>): EventSourceObject<E> {
  return eventSource("calendar", options);
}

/**
 * An `EventSource` of type `emitter` (each event configured by `EmitterEventSource`).
 *
 * @example
 * ```ts
 * const src = emitterSource({ name: "emitter", events: { example: config } }); // config: a EmitterEventSource
 * ```
 */
export function emitterSource<E extends string>(options: EventSourceOptions<"emitter", E>): EventSourceObject<E> {
  return eventSource("emitter", options);
}

/**
 * An `EventSource` of type `file` (each event configured by `FileEventSource`).
 *
 * @example
 * ```ts
 * const src = fileSource({ name: "file", events: { example: config } }); // config: a FileEventSource
 * ```
 */
export function fileSource<E extends string>(options: EventSourceOptions<"file", E>): EventSourceObject<E> {
  return eventSource("file", options);
}

/**
 * An `EventSource` of type `generic` (each event configured by `GenericEventSource`).
 *
 * @example
 * ```ts
 * const src = genericSource({ name: "generic", events: { example: config } }); // config: a GenericEventSource
 * ```
 */
export function genericSource<E extends string>(options: EventSourceOptions<"generic", E>): EventSourceObject<E> {
  return eventSource("generic", options);
}

/**
 * An `EventSource` of type `gerrit` (each event configured by `GerritEventSource`).
 *
 * @example
 * ```ts
 * const src = gerritSource({ name: "gerrit", events: { example: config } }); // config: a GerritEventSource
 * ```
 */
export function gerritSource<E extends string>(options: EventSourceOptions<"gerrit", E>): EventSourceObject<E> {
  return eventSource("gerrit", options);
}

/**
 * An `EventSource` of type `github` (each event configured by `GithubEventSource`).
 *
 * @example
 * ```ts
 * const src = githubSource({ name: "github", events: { example: config } }); // config: a GithubEventSource
 * ```
 */
export function githubSource<E extends string>(options: EventSourceOptions<"github", E>): EventSourceObject<E> {
  return eventSource("github", options);
}

/**
 * An `EventSource` of type `gitlab` (each event configured by `GitlabEventSource`).
 *
 * @example
 * ```ts
 * const src = gitlabSource({ name: "gitlab", events: { example: config } }); // config: a GitlabEventSource
 * ```
 */
export function gitlabSource<E extends string>(options: EventSourceOptions<"gitlab", E>): EventSourceObject<E> {
  return eventSource("gitlab", options);
}

/**
 * An `EventSource` of type `hdfs` (each event configured by `HDFSEventSource`).
 *
 * @example
 * ```ts
 * const src = hdfsSource({ name: "hdfs", events: { example: config } }); // config: a HDFSEventSource
 * ```
 */
export function hdfsSource<E extends string>(options: EventSourceOptions<"hdfs", E>): EventSourceObject<E> {
  return eventSource("hdfs", options);
}

/**
 * An `EventSource` of type `kafka` (each event configured by `KafkaEventSource`).
 *
 * @example
 * ```ts
 * const src = kafkaSource({ name: "kafka", events: { example: config } }); // config: a KafkaEventSource
 * ```
 */
export function kafkaSource<E extends string>(options: EventSourceOptions<"kafka", E>): EventSourceObject<E> {
  return eventSource("kafka", options);
}

/**
 * An `EventSource` of type `minio` (each event configured by `S3Artifact`).
 *
 * @example
 * ```ts
 * const src = minioSource({ name: "minio", events: { example: config } }); // config: a S3Artifact
 * ```
 */
export function minioSource<E extends string>(options: EventSourceOptions<"minio", E>): EventSourceObject<E> {
  return eventSource("minio", options);
}

/**
 * An `EventSource` of type `mns` (each event configured by `MNSEventSource`).
 *
 * @example
 * ```ts
 * const src = mnsSource({ name: "mns", events: { example: config } }); // config: a MNSEventSource
 * ```
 */
export function mnsSource<E extends string>(options: EventSourceOptions<"mns", E>): EventSourceObject<E> {
  return eventSource("mns", options);
}

/**
 * An `EventSource` of type `mqtt` (each event configured by `MQTTEventSource`).
 *
 * @example
 * ```ts
 * const src = mqttSource({ name: "mqtt", events: { example: config } }); // config: a MQTTEventSource
 * ```
 */
export function mqttSource<E extends string>(options: EventSourceOptions<"mqtt", E>): EventSourceObject<E> {
  return eventSource("mqtt", options);
}

/**
 * An `EventSource` of type `nats` (each event configured by `NATSEventsSource`).
 *
 * @example
 * ```ts
 * const src = natsSource({ name: "nats", events: { example: config } }); // config: a NATSEventsSource
 * ```
 */
export function natsSource<E extends string>(options: EventSourceOptions<"nats", E>): EventSourceObject<E> {
  return eventSource("nats", options);
}

/**
 * An `EventSource` of type `nsq` (each event configured by `NSQEventSource`).
 *
 * @example
 * ```ts
 * const src = nsqSource({ name: "nsq", events: { example: config } }); // config: a NSQEventSource
 * ```
 */
export function nsqSource<E extends string>(options: EventSourceOptions<"nsq", E>): EventSourceObject<E> {
  return eventSource("nsq", options);
}

/**
 * An `EventSource` of type `pubSub` (each event configured by `PubSubEventSource`).
 *
 * @example
 * ```ts
 * const src = pubSubSource({ name: "pubsub", events: { example: config } }); // config: a PubSubEventSource
 * ```
 */
export function pubSubSource<E extends string>(options: EventSourceOptions<"pubSub", E>): EventSourceObject<E> {
  return eventSource("pubSub", options);
}

/**
 * An `EventSource` of type `pulsar` (each event configured by `PulsarEventSource`).
 *
 * @example
 * ```ts
 * const src = pulsarSource({ name: "pulsar", events: { example: config } }); // config: a PulsarEventSource
 * ```
 */
export function pulsarSource<E extends string>(options: EventSourceOptions<"pulsar", E>): EventSourceObject<E> {
  return eventSource("pulsar", options);
}

/**
 * An `EventSource` of type `redis` (each event configured by `RedisEventSource`).
 *
 * @example
 * ```ts
 * const src = redisSource({ name: "redis", events: { example: config } }); // config: a RedisEventSource
 * ```
 */
export function redisSource<E extends string>(options: EventSourceOptions<"redis", E>): EventSourceObject<E> {
  return eventSource("redis", options);
}

/**
 * An `EventSource` of type `redisStream` (each event configured by `RedisStreamEventSource`).
 *
 * @example
 * ```ts
 * const src = redisStreamSource({ name: "redisstream", events: { example: config } }); // config: a RedisStreamEventSource
 * ```
 */
export function redisStreamSource<E extends string>(
  options: EventSourceOptions<"redisStream", E>,
): EventSourceObject<E> {
  return eventSource("redisStream", options);
}

/**
 * An `EventSource` of type `resource` (each event configured by `ResourceEventSource`).
 *
 * @example
 * ```ts
 * const src = resourceSource({ name: "resource", events: { example: config } }); // config: a ResourceEventSource
 * ```
 */
export function resourceSource<E extends string>(options: EventSourceOptions<"resource", E>): EventSourceObject<E> {
  return eventSource("resource", options);
}

/**
 * An `EventSource` of type `sftp` (each event configured by `SFTPEventSource`).
 *
 * @example
 * ```ts
 * const src = sftpSource({ name: "sftp", events: { example: config } }); // config: a SFTPEventSource
 * ```
 */
export function sftpSource<E extends string>(options: EventSourceOptions<"sftp", E>): EventSourceObject<E> {
  return eventSource("sftp", options);
}

/**
 * An `EventSource` of type `slack` (each event configured by `SlackEventSource`).
 *
 * @example
 * ```ts
 * const src = slackSource({ name: "slack", events: { example: config } }); // config: a SlackEventSource
 * ```
 */
export function slackSource<E extends string>(options: EventSourceOptions<"slack", E>): EventSourceObject<E> {
  return eventSource("slack", options);
}

/**
 * An `EventSource` of type `sns` (each event configured by `SNSEventSource`).
 *
 * @example
 * ```ts
 * const src = snsSource({ name: "sns", events: { example: config } }); // config: a SNSEventSource
 * ```
 */
export function snsSource<E extends string>(options: EventSourceOptions<"sns", E>): EventSourceObject<E> {
  return eventSource("sns", options);
}

/**
 * An `EventSource` of type `sqs` (each event configured by `SQSEventSource`).
 *
 * @example
 * ```ts
 * const src = sqsSource({ name: "sqs", events: { example: config } }); // config: a SQSEventSource
 * ```
 */
export function sqsSource<E extends string>(options: EventSourceOptions<"sqs", E>): EventSourceObject<E> {
  return eventSource("sqs", options);
}

/**
 * An `EventSource` of type `storageGrid` (each event configured by `StorageGridEventSource`).
 *
 * @example
 * ```ts
 * const src = storageGridSource({ name: "storagegrid", events: { example: config } }); // config: a StorageGridEventSource
 * ```
 */
export function storageGridSource<E extends string>(
  options: EventSourceOptions<"storageGrid", E>,
): EventSourceObject<E> {
  return eventSource("storageGrid", options);
}

/**
 * An `EventSource` of type `stripe` (each event configured by `StripeEventSource`).
 *
 * @example
 * ```ts
 * const src = stripeSource({ name: "stripe", events: { example: config } }); // config: a StripeEventSource
 * ```
 */
export function stripeSource<E extends string>(options: EventSourceOptions<"stripe", E>): EventSourceObject<E> {
  return eventSource("stripe", options);
}

/**
 * An `EventSource` of type `webhook` (each event configured by `WebhookEventSource`).
 *
 * @example
 * ```ts
 * const src = webhookSource({ name: "webhook", events: { example: { port: "12000", endpoint: "/example", method: "POST" } } });
 * ```
 */
export function webhookSource<E extends string>(options: EventSourceOptions<"webhook", E>): EventSourceObject<E> {
  return eventSource("webhook", options);
}
