/**
 * OpenAPI v3 documents for the double: the index (`/openapi/v3`) and one
 * document per group version, with paths whose create/update/patch accept
 * `fieldValidation` and `dryRun` (so kubectl uses server-side validation) and
 * the vendored Argo CRD schemas as component schemas.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type DoubleResource, RESOURCES } from "./resources.js";

const SCHEMA_DIR = fileURLToPath(new URL("../../packages/sdk/schema/", import.meta.url));
const HASH = "0123456789ABCDEF";

/** `/openapi/v3` */
export function openApiIndex(): object {
  return {
    paths: {
      "api/v1": { serverRelativeURL: `/openapi/v3/api/v1?hash=${HASH}` },
      "apis/argoproj.io/v1alpha1": { serverRelativeURL: `/openapi/v3/apis/argoproj.io/v1alpha1?hash=${HASH}` },
    },
  };
}

const docs = new Map<string, object>();

function schemaName(r: DoubleResource): string {
  return r.group ? `io.argoproj.workflow.v1alpha1.${r.kind}` : `io.k8s.api.core.v1.${r.kind}`;
}

function params(...names: string[]): object[] {
  return names.map((name) => ({ name, in: "query", schema: { type: "string", uniqueItems: true } }));
}

/** The document of one group version (`api/v1` or `apis/argoproj.io/v1alpha1`), or undefined. */
export function openApiDoc(gvPath: string): object | undefined {
  const cached = docs.get(gvPath);
  if (cached) return cached;
  const rs = RESOURCES.filter((r) => (r.group ? `apis/${r.group}/${r.version}` : `api/${r.version}`) === gvPath);
  if (rs.length === 0) return undefined;
  const paths: Record<string, object> = {};
  const schemas: Record<string, object> = {};
  for (const r of rs) {
    // operations carry one GVK object (kubectl checks PATCH's parameters for fieldValidation); schemas carry a list
    const gvk = { group: r.group, version: r.version, kind: r.kind };
    const ref = { $ref: `#/components/schemas/${schemaName(r)}` };
    const body = { content: { "application/json": { schema: ref } } };
    const ok = { "200": { description: "OK", content: { "application/json": { schema: ref } } } };
    const write = {
      parameters: params("dryRun", "fieldManager", "fieldValidation"),
      requestBody: body,
      responses: ok,
      "x-kubernetes-group-version-kind": gvk,
    };
    const base = `/${gvPath}${r.namespaced ? "/namespaces/{namespace}" : ""}/${r.plural}`;
    paths[base] = {
      get: {
        parameters: params("labelSelector", "fieldSelector", "watch", "resourceVersion", "limit"),
        responses: ok,
        "x-kubernetes-action": "list",
        "x-kubernetes-group-version-kind": gvk,
      },
      post: { ...write, "x-kubernetes-action": "post" },
    };
    paths[`${base}/{name}`] = {
      get: { responses: ok, "x-kubernetes-action": "get", "x-kubernetes-group-version-kind": gvk },
      put: { ...write, "x-kubernetes-action": "put" },
      patch: {
        ...write,
        requestBody: {
          content: {
            "application/merge-patch+json": { schema: { type: "object" } },
            "application/json-patch+json": { schema: { type: "object" } },
          },
        },
        "x-kubernetes-action": "patch",
      },
      delete: {
        parameters: params("dryRun", "propagationPolicy"),
        responses: ok,
        "x-kubernetes-action": "delete",
        "x-kubernetes-group-version-kind": gvk,
      },
    };
    const schema = r.crd
      ? (JSON.parse(readFileSync(SCHEMA_DIR + r.crd, "utf8")) as object)
      : { type: "object", description: "Pod (abridged in the double)", "x-kubernetes-preserve-unknown-fields": true };
    schemas[schemaName(r)] = { ...schema, "x-kubernetes-group-version-kind": [gvk] };
  }
  const doc = { openapi: "3.0.0", info: { title: "Kubernetes", version: "v1.32.0" }, paths, components: { schemas } };
  docs.set(gvPath, doc);
  return doc;
}
