/**
 * One request to a server's own API, for the operations the common interface has no method for
 * (merge patches, pods, version endpoints, Argo Events kinds, the Argo Server's action endpoints).
 * Its answer is checked as every request's is ({@link expectShape}): JSON at least, or the shape
 * the request names in `expect`.
 */
import type { Expectation } from "./response-shape.js";

/**
 * A request sent by {@link WorkflowClient.raw}: a path on the server (Kubernetes API or Argo
 * Server, whichever the client talks to), and what the error message should say.
 *
 * @example
 * ```ts
 * await client.raw({
 *   method: "PATCH",
 *   path: "/apis/argoproj.io/v1alpha1/namespaces/ci/workflows/etl-abc",
 *   body: { spec: { shutdown: "Stop" } },
 *   contentType: "application/merge-patch+json",
 *   action: 'stopping Workflow "etl-abc" in namespace "ci"',
 *   permission: "patch workflows.argoproj.io",
 *   namespace: "ci",
 *   expect: { shape: "object", kind: "Workflow", name: "etl-abc" },
 * });
 * ```
 */
export interface RawRequest {
  /** HTTP method. */
  readonly method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Path and query, e.g. `/api/v1/namespaces/ci/pods/x`. */
  readonly path: string;
  /** JSON body. @default undefined */
  readonly body?: unknown;
  /** Content type of the body. @default "application/json" */
  readonly contentType?: string;
  /** What is being done, for the error message, e.g. `stopping Workflow "x" in namespace "ci"`. */
  readonly action: string;
  /** Verb and resource for the RBAC hint of a 403, e.g. `patch workflows.argoproj.io`. @default undefined */
  readonly permission?: string;
  /** Namespace of the request, for the RBAC hint. @default undefined */
  readonly namespace?: string;
  /** Called with each `Warning` header of the response. @default undefined (dropped) */
  readonly onWarning?: (warning: string) => void;
  /**
   * What a 2xx answer must be, else the request fails with `UnexpectedResponse`, e.g.
   * `{ shape: "object", kind: "Workflow", kindOptional: true, name }` for an action that returns the workflow.
   * @default { shape: "any-json" }
   */
  readonly expect?: Expectation;
}
