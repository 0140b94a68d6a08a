/**
 * A dependency's `transform` as Argo Events applies it (pkg/sensors/dependencies/transform.go),
 * before the filters: a jq command (gojq there; jq compiled to WebAssembly here) whose first
 * output must be a JSON object, or a Lua script whose result must be a table; either replaces the
 * event's data.
 */
import { jqOutputs } from "../jq.js";
import type { LocalEvent } from "./cloud-event.js";
import { EventCodes, EventError } from "./errors.js";
import { runLua } from "./lua.js";

/**
 * The event after `transform` (the same event when there is none or it has no data).
 *
 * @example
 * ```ts
 * await applyTransform(event, { jq: ".body.amount |= tostring" }, "sensor s: dependency d");
 * ```
 */
export async function applyTransform(
  event: LocalEvent,
  transform: { readonly jq?: string; readonly script?: string } | undefined,
  where: string,
): Promise<LocalEvent> {
  if (!transform || event.data === undefined || event.data === null) return event;
  if ((transform.jq || transform.script) && (typeof event.data !== "object" || Array.isArray(event.data)))
    throw new EventError(EventCodes.transform, `${where}: a transform needs event data that is a JSON object`);
  if (transform.jq) {
    let outputs: unknown[];
    try {
      outputs = await jqOutputs(event.data, transform.jq);
    } catch (e) {
      throw new EventError(EventCodes.transform, `${where}: jq transform failed: ${(e as Error).message}`);
    }
    // gojq's first output is the one used
    if (outputs.length === 0)
      throw new EventError(EventCodes.transform, `${where}: no output available from the jq command execution`);
    const first = outputs[0];
    if (first === null || typeof first !== "object" || Array.isArray(first))
      throw new EventError(EventCodes.transform, `${where}: jq transformation output must be a JSON object`);
    return { ...event, context: { ...event.context, datacontenttype: "application/json" }, data: first };
  }
  if (transform.script) {
    const out = runLua(transform.script, event.data, `${where}: script transform`);
    if (out === null || typeof out !== "object")
      throw new EventError(EventCodes.transform, `${where}: transformation script output type is not of lua table`);
    return { ...event, context: { ...event.context, datacontenttype: "application/json" }, data: out };
  }
  return event;
}
