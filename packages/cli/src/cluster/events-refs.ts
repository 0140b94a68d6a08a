/**
 * `sensor/NAME`, `eventsource/NAME`, `eventbus/NAME` arguments of get and delete (Argo Events kinds,
 * which only the Kubernetes API serves).
 */
import type { EventsKind } from "@wfc/client";

/**
 * The Argo Events kind and name of `KIND/NAME`, or `undefined` when KIND is not one.
 *
 * @example
 * ```ts
 * await parseEventsRef("sensor/on-upload") // { kind: "Sensor", name: "on-upload" }
 * ```
 */
export async function parseEventsRef(arg: string): Promise<{ kind: EventsKind; name: string } | undefined> {
  const slash = arg.indexOf("/");
  if (slash <= 0 || slash === arg.length - 1) return undefined;
  const { eventsKindFor } = await import("@wfc/client");
  const kind = eventsKindFor(arg.slice(0, slash));
  return kind ? { kind, name: arg.slice(slash + 1) } : undefined;
}
