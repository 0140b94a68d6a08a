import { isDns1123Label, isDns1123Subdomain } from "../core/names.js";
import type { ValidationIssue } from "./issues.js";

// What the API server checks in `metadata` of a custom resource (apimachinery ValidateObjectMeta with
// NameIsDNSSubdomain, plus strict decoding of the ObjectMeta struct: unknown fields are errors).

const QUALIFIED_NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

type FieldKind = "string" | "integer" | "stringMap" | "stringList" | "objectList";
const FIELDS: Record<string, FieldKind> = {
  name: "string",
  generateName: "string",
  namespace: "string",
  labels: "stringMap",
  annotations: "stringMap",
  finalizers: "stringList",
  ownerReferences: "objectList",
  managedFields: "objectList",
  uid: "string",
  resourceVersion: "string",
  generation: "integer",
  creationTimestamp: "string",
  deletionTimestamp: "string",
  deletionGracePeriodSeconds: "integer",
  selfLink: "string",
};

/**
 * Problems with a qualified name (label or annotation key): optional DNS subdomain prefix and `/`, then a
 * name of at most 63 characters. Empty array when fine.
 *
 * @example
 * ```ts
 * qualifiedNameProblems("app.kubernetes.io/name"); // []
 * qualifiedNameProblems("-bad");                   // ["name part must consist of alphanumeric ..."]
 * ```
 */
export function qualifiedNameProblems(key: string): string[] {
  const parts = key.split("/");
  let name = key;
  const out: string[] = [];
  if (parts.length === 2) {
    const [prefix = "", n = ""] = parts;
    name = n;
    if (prefix.length === 0) out.push("prefix part must be non-empty");
    else if (!isDns1123Subdomain(prefix))
      out.push("prefix part must be a lowercase RFC 1123 subdomain of at most 253 characters");
  } else if (parts.length > 2) {
    return [
      "a qualified name must consist of alphanumeric characters, '-', '_' or '.', with an optional DNS subdomain prefix and '/'",
    ];
  }
  if (name.length === 0) out.push("name part must be non-empty");
  else if (name.length > 63) out.push("name part must be no more than 63 characters");
  if (name.length > 0 && !QUALIFIED_NAME_PART.test(name)) {
    out.push(
      "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
    );
  }
  return out;
}

/**
 * Validates an object's `metadata` as the API server does for a custom resource.
 *
 * @example
 * ```ts
 * validateObjectMeta({ name: "Hello" }, true);
 * // [{ path: "metadata.name", message: "must be a lowercase RFC 1123 subdomain ..." }]
 * ```
 */
export function validateObjectMeta(meta: unknown, namespaced: boolean): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (meta === undefined || meta === null) return [{ path: "metadata", message: "required field missing" }];
  if (typeof meta !== "object" || Array.isArray(meta)) return [{ path: "metadata", message: "must be of type object" }];
  const m = meta as Record<string, unknown>;
  for (const [k, v] of Object.entries(m)) {
    const kind = FIELDS[k];
    const path = `metadata.${k}`;
    if (!kind) {
      issues.push({ path, message: "unknown field" });
      continue;
    }
    if (v === null) continue;
    const bad = checkKind(kind, v, path);
    if (bad) issues.push(bad);
  }
  const name = typeof m.name === "string" ? m.name : "";
  const generateName = typeof m.generateName === "string" ? m.generateName : "";
  if (name === "" && generateName === "")
    issues.push({ path: "metadata.name", message: "name or generateName is required" });
  if (name !== "" && !isDns1123Subdomain(name)) {
    issues.push({ path: "metadata.name", message: subdomainMessage(name) });
  }
  if (generateName !== "") {
    const masked = generateName.endsWith("-") ? `${generateName.slice(0, -1)}a` : generateName;
    if (!isDns1123Subdomain(masked))
      issues.push({ path: "metadata.generateName", message: subdomainMessage(generateName) });
  }
  if (typeof m.namespace === "string" && m.namespace !== "") {
    if (!namespaced) issues.push({ path: "metadata.namespace", message: "not allowed on this type (cluster-scoped)" });
    else if (!isDns1123Label(m.namespace)) {
      issues.push({
        path: "metadata.namespace",
        message:
          "must be a lowercase RFC 1123 label: at most 63 lower-case alphanumeric characters or '-', starting and ending alphanumeric",
      });
    }
  }
  if (isStringMap(m.labels)) {
    for (const [k, v] of Object.entries(m.labels)) {
      for (const p of qualifiedNameProblems(k))
        issues.push({ path: `metadata.labels[${k}]`, message: `invalid label key: ${p}` });
      if (typeof v === "string" && (v.length > 63 || !LABEL_VALUE.test(v))) {
        issues.push({
          path: `metadata.labels[${k}]`,
          message:
            "invalid label value: must be at most 63 characters, empty or alphanumeric with '-', '_' or '.' inside",
        });
      }
    }
  }
  if (isStringMap(m.annotations)) {
    let size = 0;
    for (const [k, v] of Object.entries(m.annotations)) {
      for (const p of qualifiedNameProblems(k.toLowerCase()))
        issues.push({ path: `metadata.annotations[${k}]`, message: `invalid annotation key: ${p}` });
      size += k.length + (typeof v === "string" ? v.length : 0);
    }
    if (size > TOTAL_ANNOTATION_SIZE_LIMIT)
      issues.push({
        path: "metadata.annotations",
        message: `total size must be at most ${TOTAL_ANNOTATION_SIZE_LIMIT} bytes`,
      });
  }
  if (Array.isArray(m.finalizers)) {
    m.finalizers.forEach((f, i) => {
      if (typeof f === "string")
        for (const p of qualifiedNameProblems(f))
          issues.push({ path: `metadata.finalizers[${i}]`, message: `invalid finalizer: ${p}` });
    });
  }
  return issues;
}

function subdomainMessage(s: string): string {
  if (s.length > 253) return "must be no more than 253 characters";
  return "must be a lowercase RFC 1123 subdomain: lower-case alphanumeric characters, '-' or '.', starting and ending with an alphanumeric character";
}

function isStringMap(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function checkKind(kind: FieldKind, v: unknown, path: string): ValidationIssue | undefined {
  switch (kind) {
    case "string":
      return typeof v === "string" ? undefined : { path, message: "must be of type string" };
    case "integer":
      return typeof v === "number" && Number.isInteger(v) ? undefined : { path, message: "must be of type integer" };
    case "stringMap":
      if (!isStringMap(v)) return { path, message: "must be of type object" };
      for (const [k, x] of Object.entries(v))
        if (typeof x !== "string") return { path: `${path}[${k}]`, message: "must be of type string" };
      return undefined;
    case "stringList":
      if (!Array.isArray(v)) return { path, message: "must be of type array" };
      for (let i = 0; i < v.length; i++)
        if (typeof v[i] !== "string") return { path: `${path}[${i}]`, message: "must be of type string" };
      return undefined;
    case "objectList":
      if (!Array.isArray(v)) return { path, message: "must be of type array" };
      for (let i = 0; i < v.length; i++)
        if (!isStringMap(v[i])) return { path: `${path}[${i}]`, message: "must be of type object" };
      return undefined;
  }
}
