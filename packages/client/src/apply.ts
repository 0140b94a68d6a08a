/**
 * Idempotent create-or-update of WorkflowTemplates, ClusterWorkflowTemplates
 * and CronWorkflows: applying the same manifest twice changes nothing.
 */
import { createHash } from "node:crypto";
import { ClusterError } from "./errors.js";
import { resourceFor } from "./resources.js";
import type { KubeObject } from "./types.js";
import type { WorkflowClient, WriteOptions } from "./workflow-client.js";

/**
 * Annotation holding the hash of the last applied manifest.
 *
 * @example
 * ```ts
 * const applied = obj.metadata?.annotations?.[APPLIED_HASH_ANNOTATION];
 * ```
 */
export const APPLIED_HASH_ANNOTATION = "wfc.dev/applied-hash";

/**
 * What {@link applyManifest} did.
 *
 * @example
 * ```ts
 * const { action } = await applyManifest(client, template); // "created" | "configured" | "unchanged"
 * ```
 */
export type ApplyAction = "created" | "configured" | "unchanged";

/**
 * Result of {@link applyManifest}.
 *
 * @example
 * ```ts
 * const r = await applyManifest(client, template); console.log(r.action, r.object.metadata?.name);
 * ```
 */
export interface ApplyResult {
  readonly action: ApplyAction;
  /** The object as stored on the server. */
  readonly object: KubeObject;
}

function stable(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(stable);
  if (v && typeof v === "object") {
    return Object.fromEntries(
      Object.keys(v as Record<string, unknown>)
        .sort()
        .map((k) => [k, stable((v as Record<string, unknown>)[k])]),
    );
  }
  return v;
}

/** Hash of a manifest without its applied-hash annotation (what {@link applyManifest} records). @internal */
export function hashOf(manifest: KubeObject): string {
  const annotations = { ...manifest.metadata?.annotations };
  delete annotations[APPLIED_HASH_ANNOTATION];
  const clean = { ...manifest, metadata: { ...manifest.metadata, annotations } };
  return createHash("sha256")
    .update(JSON.stringify(stable(clean)))
    .digest("hex")
    .slice(0, 32);
}

/** Equal as JSON, whatever the key order. @internal */
export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(stable(a)) === JSON.stringify(stable(b));
}

/**
 * Creates the object, or updates it if it changed since the last apply, or
 * does nothing. Workflows cannot be applied (use submit).
 *
 * @example
 * ```ts
 * const { action } = await applyManifest(client, templateManifest); // "created", then "unchanged"
 * ```
 */
export async function applyManifest(
  client: WorkflowClient,
  manifest: KubeObject,
  options: WriteOptions = {},
): Promise<ApplyResult> {
  const res = resourceFor(String(manifest.kind ?? ""));
  if (res.kind === "Workflow") {
    throw new ClusterError("BadRequest", "wfc apply does not apply Workflows (they run once); use wfc submit");
  }
  const name = manifest.metadata?.name;
  if (!name) {
    throw new ClusterError(
      "BadRequest",
      `wfc apply needs metadata.name on ${res.kind} (generateName is not enough to update it later)`,
    );
  }
  const hash = hashOf(manifest);
  const desired: KubeObject = {
    ...manifest,
    metadata: {
      ...manifest.metadata,
      annotations: { ...manifest.metadata?.annotations, [APPLIED_HASH_ANNOTATION]: hash },
    },
  };
  let existing: KubeObject;
  try {
    existing = await client.get(res.kind, name, manifest.metadata?.namespace);
  } catch (err) {
    if (err instanceof ClusterError && err.code === "NotFound") {
      return { action: "created", object: await client.create(desired, options) };
    }
    throw err;
  }
  const sameSpec = sameJson(existing.spec, manifest.spec);
  if (existing.metadata?.annotations?.[APPLIED_HASH_ANNOTATION] === hash && sameSpec) {
    return { action: "unchanged", object: existing };
  }
  const updated = await client.update(
    { ...desired, metadata: { ...desired.metadata, resourceVersion: existing.metadata?.resourceVersion } },
    options,
  );
  return { action: "configured", object: updated };
}
