import { readFileSync } from "node:fs";
import { RELAXED_REQUIRED } from "./types.gen.js";

/**
 * A problem found by {@link validateEventsManifest}: where (`spec.triggers[0].template.openwhisk`) and what.
 *
 * @example
 * ```ts
 * const issue: EventsValidationIssue = { path: "spec.webhook.example.port", message: "expected string, got integer" };
 * ```
 */
export interface EventsValidationIssue {
  readonly path: string;
  readonly message: string;
}

interface SchemaNode {
  $ref?: string;
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode | boolean;
  items?: SchemaNode;
  required?: string[];
}

const EVENTS = "io.argoproj.events.v1alpha1.";
/**
 * The Argo Events kinds {@link validateEventsManifest} checks.
 *
 * @example
 * ```ts
 * EVENTS_KINDS.includes(manifest.kind) // EventBus, EventSource or Sensor
 * ```
 */
export const EVENTS_KINDS: readonly string[] = ["EventBus", "EventSource", "Sensor"];

let definitions: Record<string, SchemaNode> | undefined;
function defs(): Record<string, SchemaNode> {
  definitions ??= (
    JSON.parse(readFileSync(new URL("../schema/jsonschema.json", import.meta.url), "utf8")) as {
      definitions: Record<string, SchemaNode>;
    }
  ).definitions;
  return definitions;
}

/**
 * True when `manifest` is an Argo Events kind (`argoproj.io/v1alpha1` EventBus, EventSource or Sensor).
 *
 * @example
 * ```ts
 * if (isEventsManifest(m)) issues.push(...validateEventsManifest(m));
 * ```
 */
export function isEventsManifest(manifest: unknown): boolean {
  const m = manifest as { apiVersion?: unknown; kind?: unknown } | null;
  return (
    typeof m === "object" &&
    m !== null &&
    m.apiVersion === "argoproj.io/v1alpha1" &&
    EVENTS_KINDS.includes(m.kind as string)
  );
}

const typeName = (v: unknown): string =>
  v === null
    ? "null"
    : Array.isArray(v)
      ? "array"
      : typeof v === "number"
        ? Number.isInteger(v)
          ? "integer"
          : "number"
        : typeof v;

function suggest(key: string, known: string[]): string {
  const lower = key.toLowerCase();
  const hit = known.find((k) => k.toLowerCase() === lower);
  return hit ? ` (did you mean "${hit}"?)` : "";
}

function check(
  defName: string | undefined,
  node: SchemaNode,
  value: unknown,
  path: string,
  out: EventsValidationIssue[],
): void {
  if (node.$ref) {
    const name = node.$ref.replace(/^#\/definitions\//, "");
    check(name, defs()[name]!, value, path, out);
    return;
  }
  if (value === null || value === undefined) return; // Kubernetes drops nulls
  const t = typeName(value);
  const types = node.type === undefined ? [] : Array.isArray(node.type) ? node.type : [node.type];
  if (types.length && !types.includes(t) && !(t === "integer" && types.includes("number"))) {
    out.push({ path, message: `expected ${types.join(" or ")}, got ${t}` });
    return;
  }
  if (node.const !== undefined && value !== node.const)
    out.push({ path, message: `must be ${JSON.stringify(node.const)}` });
  if (node.enum && !node.enum.includes(value))
    out.push({ path, message: `must be one of ${node.enum.map((e) => JSON.stringify(e)).join(", ")}` });
  if (t === "array" && node.items)
    for (const [i, v] of (value as unknown[]).entries()) check(undefined, node.items, v, `${path}[${i}]`, out);
  if (t !== "object") return;
  const obj = value as Record<string, unknown>;
  const relaxed = (defName && RELAXED_REQUIRED[defName]) || [];
  for (const r of node.required ?? [])
    if (!relaxed.includes(r) && obj[r] === undefined)
      out.push({ path: path ? `${path}.${r}` : r, message: "required field missing" });
  for (const [k, v] of Object.entries(obj)) {
    const p = path ? `${path}.${k}` : k;
    const prop = node.properties?.[k];
    if (prop) check(undefined, prop, v, p, out);
    else if (typeof node.additionalProperties === "object") check(undefined, node.additionalProperties, v, p, out);
    else if (node.properties)
      out.push({ path: p, message: `unknown field${suggest(k, Object.keys(node.properties))}` });
  }
}

/**
 * Validates an Argo Events manifest (EventBus, EventSource or Sensor) against the Argo Events JSON schema, with
 * unknown fields rejected (the Argo Events CRDs carry no schema, so a cluster silently accepts a misspelt field).
 * Fields the schema lists as required but that are optional in practice are not reported (see
 * `RELAXED_REQUIRED`). Returns no issue for a valid manifest.
 *
 * @example
 * ```ts
 * for (const { path, message } of validateEventsManifest(manifest)) console.error(`${path}: ${message}`);
 * ```
 */
export function validateEventsManifest(manifest: unknown): EventsValidationIssue[] {
  const kind = (manifest as { kind?: unknown } | null)?.kind;
  if (typeof kind !== "string" || !EVENTS_KINDS.includes(kind))
    return [{ path: "kind", message: `not an Argo Events kind (${EVENTS_KINDS.join(", ")})` }];
  const out: EventsValidationIssue[] = [];
  check(EVENTS + kind, defs()[EVENTS + kind]!, manifest, "", out);
  return out;
}
