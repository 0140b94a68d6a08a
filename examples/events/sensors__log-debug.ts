/**
 * A sensor that logs every event it receives (a debugging aid): Argo Events' example
 * `examples/sensors/log-debug.yaml`, in TypeScript.
 *
 *   npx wfc build examples/events/sensors__log-debug.ts
 */
import { logTrigger, sensor } from "@wfc/events";
import { calendar } from "./event-sources__calendar.js";

export const logDebugSensor = sensor({
  name: "log-debug",
  template: { container: { env: [{ name: "LOG_LEVEL", value: "error" }] } },
  dependencies: {
    "test-dep": calendar.events["example-with-interval"],
  },
  triggers: [logTrigger("log-trigger", { intervalSeconds: 20 })],
});
