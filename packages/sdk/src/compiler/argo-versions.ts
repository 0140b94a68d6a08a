/**
 * What differs between the Argo versions wfc targets, as one table: each row is one field of a
 * workflow manifest that a version added (found by `scripts/diff-argo-schemas.mjs`, kept in
 * docs/argo-schema-diff.md), the first version whose CRD schema accepts it, and, when older
 * versions can still express it, how to lower it. The compiler (`compile(wf, { argoVersion })`),
 * `wfc build`, `wfc lint`, `submit` and `apply` all read it through `target-version.ts`. A test
 * checks every row's `since` against the vendored CRD schemas.
 */
import type { ArgoVersion } from "../core/argo-version.js";
import type { WorkflowKind } from "../core/kinds.js";

/**
 * Rewrites `parent[key]` in place into what an older version accepts; returns why it cannot when
 * the value has no older form (then the field is refused).
 *
 * @example
 * ```ts
 * const dropEmpty: Lowering = (parent, key) => {
 *   if (Array.isArray(parent[key]) && parent[key].length === 0) delete parent[key];
 *   return undefined;
 * };
 * ```
 */
export type Lowering = (parent: Record<string, unknown>, key: string) => string | undefined;

/**
 * One difference between Argo versions.
 *
 * @example
 * ```ts
 * const d: VersionDifference = { feature: "template pendingTimeout", fields: ["templates[].pendingTimeout"], since: "4.1" };
 * ```
 */
export interface VersionDifference {
  /** The feature, as the error names it. */
  readonly feature: string;
  /**
   * The manifest fields it is, as path suffixes with list indices written `[]`
   * (`synchronization.mutexes` matches `spec.templates[2].synchronization.mutexes`).
   */
  readonly fields: readonly string[];
  /** The first version that accepts it. */
  readonly since: ArgoVersion;
  /** Only in manifests of these kinds. @default every workflow kind */
  readonly kinds?: readonly WorkflowKind[];
  /** How targets older than `since` express it; without one, older targets refuse it. */
  readonly lower?: Lowering;
}

/** A one-element list becomes the singular field `single`; a longer list cannot. */
function singular(single: string, what: string): Lowering {
  return (parent, key) => {
    const v = parent[key];
    if (!Array.isArray(v) || v.length !== 1) return `${Array.isArray(v) ? v.length : "no"} ${what}`;
    const entries = Object.entries(parent);
    for (const [k] of entries) delete parent[k];
    for (const [k, x] of entries) parent[k === key ? single : k] = k === key ? v[0] : x;
    return undefined;
  };
}

/**
 * Every field a workflow manifest can hold that some version wfc targets lacks, oldest first.
 *
 * @example
 * ```ts
 * ARGO_VERSION_DIFFERENCES.find((d) => d.fields.includes("spec.schedules"))?.since; // "3.6"
 * ```
 */
export const ARGO_VERSION_DIFFERENCES: readonly VersionDifference[] = [
  // 3.6
  {
    feature: "several cron schedules (spec.schedules)",
    fields: ["spec.schedules"],
    kinds: ["CronWorkflow"],
    since: "3.6",
    lower: singular("schedule", "schedules (Argo 3.5 has one spec.schedule)"),
  },
  { feature: "CronWorkflow stopStrategy", fields: ["spec.stopStrategy"], kinds: ["CronWorkflow"], since: "3.6" },
  { feature: "CronWorkflow when", fields: ["spec.when"], kinds: ["CronWorkflow"], since: "3.6" },
  {
    feature: "several mutexes (synchronization.mutexes)",
    fields: ["synchronization.mutexes"],
    since: "3.6",
    lower: singular("mutex", "mutexes (Argo 3.5 has one synchronization.mutex)"),
  },
  {
    feature: "several semaphores (synchronization.semaphores)",
    fields: ["synchronization.semaphores"],
    since: "3.6",
    lower: singular("semaphore", "semaphores (Argo 3.5 has one synchronization.semaphore)"),
  },
  { feature: "container restartPolicy (native sidecars)", fields: ["restartPolicy"], since: "3.6" },
  { feature: "container resizePolicy", fields: ["resizePolicy"], since: "3.6" },
  { feature: "git artifact insecureSkipTLS", fields: ["git.insecureSkipTLS"], since: "3.6" },
  { feature: "HDFS artifact dataTransferProtection", fields: ["hdfs.dataTransferProtection"], since: "3.6" },
  { feature: "S3 artifact sessionTokenSecret", fields: ["s3.sessionTokenSecret"], since: "3.6" },
  { feature: "AppArmor profile (securityContext.appArmorProfile)", fields: ["appArmorProfile"], since: "3.6" },
  { feature: "securityContext.seLinuxChangePolicy", fields: ["seLinuxChangePolicy"], since: "3.6" },
  { feature: "securityContext.supplementalGroupsPolicy", fields: ["supplementalGroupsPolicy"], since: "3.6" },
  { feature: "lifecycle sleep action", fields: ["postStart.sleep", "preStop.sleep"], since: "3.6" },
  { feature: "image volumes (volumes[].image)", fields: ["volumes[].image"], since: "3.6" },
  {
    feature: "cross-namespace PVC data sources (dataSourceRef.namespace)",
    fields: ["dataSourceRef.namespace"],
    since: "3.6",
  },
  {
    feature: "volume claim template status fields of Kubernetes 1.29+",
    fields: [
      "status.modifyVolumeStatus",
      "status.currentVolumeAttributesClassName",
      "status.allocatedResourceStatuses",
    ],
    since: "3.6",
  },
  { feature: "PVC volumeAttributesClassName", fields: ["volumeAttributesClassName"], since: "3.6" },
  { feature: "pod affinity matchLabelKeys", fields: ["matchLabelKeys"], since: "3.6" },
  { feature: "pod affinity mismatchLabelKeys", fields: ["mismatchLabelKeys"], since: "3.6" },
  { feature: "dynamic resource claims (resources.claims)", fields: ["resources.claims"], since: "3.6" },
  { feature: "volumeMounts recursiveReadOnly", fields: ["volumeMounts[].recursiveReadOnly"], since: "3.6" },
  { feature: "clusterTrustBundle projected volumes", fields: ["sources[].clusterTrustBundle"], since: "3.6" },
  { feature: "PodDisruptionBudget unhealthyPodEvictionPolicy", fields: ["unhealthyPodEvictionPolicy"], since: "3.6" },
  // 3.7
  { feature: "retry backoff cap (retryStrategy.backoff.cap)", fields: ["backoff.cap"], since: "3.7" },
  {
    feature: "database mutexes (synchronization mutex database)",
    fields: ["mutexes[].database", "mutex.database"],
    since: "3.7",
  },
  {
    feature: "database semaphores (synchronization semaphore database)",
    fields: ["semaphores[].database", "semaphore.database"],
    since: "3.7",
  },
  {
    feature: "template annotations",
    fields: ["templates[].annotations", "templateDefaults.annotations"],
    since: "3.7",
  },
  { feature: "lifecycle stopSignal", fields: ["lifecycle.stopSignal"], since: "3.7" },
  // 4.0
  {
    feature: "plugin artifacts",
    fields: ["artifacts[].plugin", "artifact.plugin", "archiveLocation.plugin", "artifactPaths.plugin"],
    since: "4.0",
  },
  {
    // 4.0 made it a LocalObjectReference; before, a ConfigMapKeySelector whose required `key` the
    // controller ignores (it reads only the name).
    feature: "memoize cache configMap without a key",
    fields: ["memoize.cache.configMap"],
    since: "4.0",
    lower: (parent, key) => {
      const cm = parent[key];
      if (typeof cm === "object" && cm !== null && !("key" in cm)) {
        const name = (cm as { name?: unknown }).name;
        parent[key] = { ...cm, key: typeof name === "string" ? name : "cache" };
      }
      return undefined;
    },
  },
  // 4.1
  {
    feature: "template pendingTimeout",
    fields: ["templates[].pendingTimeout", "templateDefaults.pendingTimeout"],
    since: "4.1",
  },
  { feature: "pod-level resources (podResources)", fields: ["podResources"], since: "4.1" },
  { feature: "pod resource claims (resourceClaims)", fields: ["resourceClaims"], since: "4.1" },
  { feature: "executor plugins in the workflow (spec.executorPlugins)", fields: ["executorPlugins"], since: "4.1" },
  { feature: "container restartPolicyRules", fields: ["restartPolicyRules"], since: "4.1" },
  { feature: "HTTP artifact saveStreamViaFile", fields: ["http.saveStreamViaFile"], since: "4.1" },
  { feature: "S3 artifact addressingStyle", fields: ["s3.addressingStyle"], since: "4.1" },
  { feature: "env valueFrom.fileKeyRef", fields: ["valueFrom.fileKeyRef"], since: "4.1" },
  { feature: "podCertificate projected volumes", fields: ["sources[].podCertificate"], since: "4.1" },
];
