/**
 * API paths of the objects the operations address, in both modes.
 */
import { ARGO_GROUP, ARGO_VERSION } from "../resources.js";

const enc = encodeURIComponent;

/**
 * Kubernetes API path of a namespaced Argo resource (`plural`), or of one object of it.
 *
 * @example
 * ```ts
 * kubePath("workflows", "ci", "etl-abc") // "/apis/argoproj.io/v1alpha1/namespaces/ci/workflows/etl-abc"
 * ```
 */
export function kubePath(plural: string, namespace: string | undefined, name?: string): string {
  const base = `/apis/${ARGO_GROUP}/${ARGO_VERSION}${namespace === undefined ? "" : `/namespaces/${enc(namespace)}`}/${plural}`;
  return name === undefined ? base : `${base}/${enc(name)}`;
}

/**
 * Kubernetes API path of a pod.
 *
 * @example
 * ```ts
 * podPath("ci", "etl-abc-load-123") // "/api/v1/namespaces/ci/pods/etl-abc-load-123"
 * ```
 */
export function podPath(namespace: string, pod: string): string {
  return `/api/v1/namespaces/${enc(namespace)}/pods/${enc(pod)}`;
}

/**
 * Argo Server path of a workflow action, e.g. `PUT /api/v1/workflows/ci/etl-abc/retry`.
 *
 * @example
 * ```ts
 * argoActionPath("workflows", "ci", "etl-abc", "stop") // "/api/v1/workflows/ci/etl-abc/stop"
 * ```
 */
export function argoActionPath(
  collection: "workflows" | "cron-workflows",
  namespace: string,
  name: string,
  action: string,
): string {
  return `/api/v1/${collection}/${enc(namespace)}/${enc(name)}/${action}`;
}
