/**
 * A sensor that logs every event it receives: Argo Events' example `examples/sensors/log.yaml`, in TypeScript.
 *
 *   npx wfc build examples/events/sensors__log.ts
 */
import { logTrigger, sensor } from "@wfc/events";
import { calendar } from "./event-sources__calendar.js";

export const logSensor = sensor({
  name: "log",
  dependencies: {
    "test-dep": calendar.events["example-with-interval"],
  },
  triggers: [logTrigger("log-trigger", { intervalSeconds: 20 })],
});
