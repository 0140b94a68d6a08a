import type { ObjectMeta } from "@wfc/sdk/argo";

/**
 * The metadata options every `@wfc/events` builder takes: `name` (required), `namespace`, `labels`,
 * `annotations`, and `metadata` for any other `ObjectMeta` field.
 *
 * @example
 * ```ts
 * const meta: MetadataOptions = { name: "webhook", namespace: "argo-events", labels: { team: "data" } };
 * ```
 */
export interface MetadataOptions {
  /** `metadata.name`. */
  readonly name: string;
  /** `metadata.namespace`. */
  readonly namespace?: string;
  /** `metadata.labels`. */
  readonly labels?: Record<string, string>;
  /** `metadata.annotations`. */
  readonly annotations?: Record<string, string>;
  /** Any other `ObjectMeta` field. */
  readonly metadata?: ObjectMeta;
}

/** Names of the {@link MetadataOptions} keys, to split them from a spec. */
const METADATA_KEYS = ["name", "namespace", "labels", "annotations", "metadata"] as const;

/** Builds `metadata` from {@link MetadataOptions}. */
export function objectMeta(o: MetadataOptions): ObjectMeta {
  const meta: ObjectMeta = { ...(o.metadata ?? {}), name: o.name };
  if (o.namespace !== undefined) meta.namespace = o.namespace;
  if (o.labels !== undefined) meta.labels = { ...o.labels };
  if (o.annotations !== undefined) meta.annotations = { ...o.annotations };
  return meta;
}

/** Splits builder options into metadata options and the rest (the spec). */
export function splitMetadata<O extends MetadataOptions>(
  o: O,
): [MetadataOptions, Omit<O, (typeof METADATA_KEYS)[number]>] {
  const { name, namespace, labels, annotations, metadata, ...rest } = o;
  return [{ name, namespace, labels, annotations, metadata }, rest];
}

/** Drops `undefined` values (shallow), so emitted manifests only hold the fields that were given. */
export function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
