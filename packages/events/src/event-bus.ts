import { type KubernetesObject, MANIFESTS } from "@wfc/sdk";
import { EVENTS_BRAND } from "./brand.js";
import { defined, type MetadataOptions, objectMeta, splitMetadata } from "./metadata.js";
import type { EventBus, EventBusSpec } from "./types.gen.js";

/**
 * An `EventBus` (NATS JetStream, Kafka...): the transport between EventSources and Sensors. Pass it as
 * `eventBus` to an event source or sensor to name it as their `eventBusName`.
 *
 * @example
 * ```ts
 * export const bus = eventBus({ name: "default", jetstream: { version: "latest" } });
 * ```
 */
export interface EventBusObject {
  readonly [EVENTS_BRAND.eventBus]: true;
  readonly [MANIFESTS]: () => readonly KubernetesObject[];
  /** `metadata.name`. */
  readonly name: string;
  /** The `EventBus` manifest. */
  manifest(): EventBus;
}

/**
 * Builds an `EventBus`: metadata options plus the `EventBusSpec` fields (`jetstream`, `kafka`, `nats`,
 * `jetstreamExotic`).
 *
 * @example
 * ```ts
 * export const bus = eventBus({ name: "default", jetstream: { version: "latest", replicas: 3 } });
 * ```
 */
export function eventBus(options: MetadataOptions & EventBusSpec): EventBusObject {
  const [meta, spec] = splitMetadata(options);
  const manifest = (): EventBus => ({
    apiVersion: "argoproj.io/v1alpha1",
    kind: "EventBus",
    metadata: objectMeta(meta),
    spec: defined(structuredClone(spec)),
  });
  return {
    [EVENTS_BRAND.eventBus]: true,
    [MANIFESTS]: () => [manifest()],
    name: meta.name,
    manifest,
  };
}
