import { WfcError } from "@wfc/sdk";

/**
 * Stable codes of {@link EventError}: what the local event delivery refuses or could not do.
 *
 * @example
 * ```ts
 * if (e instanceof EventError && e.code === EventCodes.unknownEvent) console.error(e.message);
 * ```
 */
export const EventCodes = {
  /** `--event NAME` names no event of the loaded EventSources. */
  unknownEvent: "E_EVENT_UNKNOWN",
  /** A Go template (`dataTemplate`, `contextTemplate`, a data filter's `template`) uses what the runner does not support. */
  template: "E_EVENT_TEMPLATE",
  /** A jq or Lua transform or filter failed. */
  transform: "E_EVENT_TRANSFORM",
  /** A trigger parameter could not be resolved or written. */
  parameter: "E_EVENT_PARAMETER",
  /** A trigger's `conditions` expression is invalid or names a dependency the sensor does not have. */
  conditions: "E_EVENT_CONDITIONS",
  /** A trigger the local runner cannot act on. */
  trigger: "E_EVENT_TRIGGER",
  /** A payload is not JSON. */
  payload: "E_EVENT_PAYLOAD",
  /** An event chain triggered more workflows than its limit (a loop of messages). */
  loop: "E_EVENT_LOOP",
} as const;

/**
 * An error of local event delivery (sensor evaluation, triggering), with a stable code.
 *
 * @example
 * ```ts
 * throw new EventError(EventCodes.unknownEvent, 'no event "file-uploded" (known: messages/file-uploaded)');
 * ```
 */
export class EventError extends WfcError {
  constructor(code: (typeof EventCodes)[keyof typeof EventCodes], message: string, options?: ErrorOptions) {
    super(code, message, options);
    this.name = "EventError";
  }
}
