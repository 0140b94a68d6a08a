/**
 * Trigger parameters as Argo Events resolves and applies them (pkg/sensors/triggers/params.go):
 * a value from the event named by `dependencyName` (`dataKey`, `dataTemplate`, `contextKey`,
 * `contextTemplate`, the whole event, or the literal `value` as fallback), written at `dest` of
 * the trigger's resource (or template) over, before (`prepend`) or after (`append`) the current
 * value; JSON values stay JSON only with `useRawData`.
 */
import type { LocalEvent } from "./cloud-event.js";
import { EventCodes, EventError } from "./errors.js";
import { executeGoTemplate } from "./go-template.js";
import { getPath, gjsonString, setPath } from "./json-path.js";
import type { ParameterSourceSpec, ParameterSpec } from "./manifest-types.js";

/** A resolved value: its text and gjson's type name (`String`, `Number`, `True`, `False`, `Null`, `JSON`). */
export interface ResolvedValue {
  readonly value: string;
  readonly type: string;
}

function gjsonType(v: unknown): string {
  if (v === null) return "Null";
  if (typeof v === "number") return "Number";
  if (typeof v === "boolean") return v ? "True" : "False";
  if (typeof v === "string") return "String";
  return "JSON";
}

/** The JSON form of `json.Marshal(event)`: Go encodes the data bytes as base64. */
function eventJSON(e: LocalEvent): string {
  return JSON.stringify({ context: e.context, data: Buffer.from(JSON.stringify(e.data)).toString("base64") });
}

/**
 * The value of a parameter source (Argo Events' `ResolveParamValue`); `undefined` when the
 * dependency has no event and no `value` is set.
 *
 * @example
 * ```ts
 * resolveParamValue({ dependencyName: "up", dataKey: "body.path" }, { up: event }); // { value: "a.csv", type: "String" }
 * ```
 */
export function resolveParamValue(
  src: ParameterSourceSpec,
  events: Readonly<Record<string, LocalEvent>>,
): ResolvedValue | undefined {
  const event = events[src.dependencyName];
  if (!event) return src.value !== undefined ? { value: src.value, type: "String" } : undefined;
  if (!src.contextKey && !src.dataKey && !src.dataTemplate && !src.contextTemplate)
    return { value: src.value ?? eventJSON(event), type: "String" };
  let payload: unknown;
  let key = "";
  let tmpl = "";
  if (src.contextKey || src.contextTemplate) {
    key = src.contextKey ?? "";
    tmpl = src.contextTemplate ?? "";
    payload = event.context;
  }
  if (src.dataKey || src.dataTemplate) {
    key = src.dataKey ?? "";
    tmpl = src.dataTemplate ?? "";
    payload = event.data;
  }
  if (tmpl) {
    try {
      const out = executeGoTemplate(tmpl, { Input: payload }, `parameter of dependency ${src.dependencyName}`);
      if (out !== "" && out !== "<no value>") return { value: out, type: "String" };
    } catch (e) {
      if (e instanceof EventError && e.code === EventCodes.template) throw e;
    }
  }
  if (key) {
    const r = getPath(payload, key);
    if (r.exists) {
      const type = gjsonType(r.value);
      if (type === "JSON") return { value: JSON.stringify(r.value), type };
      if (type === "Null") return { value: "null", type };
      return { value: gjsonString(r.value), type };
    }
  }
  if (src.value !== undefined) return { value: src.value, type: "String" };
  throw new EventError(
    EventCodes.parameter,
    `unable to resolve '${src.dependencyName}' parameter value: ${key ? `key ${key} does not exist in the event ${src.contextKey ? "context" : "payload"}` : "the template evaluated to no value"}`,
  );
}

/**
 * `obj` with `params` applied (Argo Events' `ApplyParams`): a JSON value (the trigger's resource
 * or template) rewritten at each `dest`.
 *
 * @example
 * ```ts
 * applyParams(workflow, [{ src: { dependencyName: "up", dataKey: "body.path" }, dest: "spec.arguments.parameters.0.value" }], { up: event });
 * ```
 */
export function applyParams(
  obj: unknown,
  params: readonly ParameterSpec[] | undefined,
  events: Readonly<Record<string, LocalEvent>>,
): unknown {
  let out = obj;
  for (const p of params ?? []) {
    const resolved = resolveParamValue(p.src, events);
    if (!resolved) continue;
    let { value, type } = resolved;
    const op = p.operation ?? "";
    if (op === "append" || op === "prepend") {
      const current = getPath(out, p.dest);
      if (current.exists) {
        type = "String";
        value = op === "append" ? gjsonString(current.value) + value : value + gjsonString(current.value);
      }
    } else if (op !== "overwrite" && op !== "")
      throw new EventError(EventCodes.parameter, `unsupported trigger parameter operation: ${op}`);
    let written: unknown = value;
    if (type !== "String" && p.src.useRawData) {
      try {
        written = JSON.parse(value);
      } catch {
        written = value;
      }
    }
    out = setPath(out, p.dest, written);
  }
  return out;
}
