/**
 * An event source of type `redis`: Argo Events' example `examples/event-sources/redis.yaml`, in TypeScript.
 *
 *   npx wfc build examples/events/event-sources__redis.ts
 */
import { redisSource } from "@wfc/events";

export const redis = redisSource({
  name: "redis",
  events: { example: { hostAddress: "redis.argo-events.svc:6379", db: 0, channels: ["FOO"] } },
});
