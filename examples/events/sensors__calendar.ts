/**
 * A sensor that runs a workflow on every calendar tick: Argo Events' example `examples/sensors/calendar.yaml`, in
 * TypeScript.
 *
 * The workflow is a wfc workflow object; the trigger embeds it and passes the event time to its `message`
 * parameter.
 *
 *   npx wfc build examples/events/sensors__calendar.ts
 */

import { k8sTrigger, sensor } from "@wfc/events";
import { container, param, workflow, z } from "@wfc/sdk";
import { calendar } from "./event-sources__calendar.js";

/** Prints its `message` input. */
const printMessage = container({ name: "print-message", inputs: { message: z.string() } }, ({ message }) => ({
  image: "busybox",
  command: ["echo"],
  args: [message],
}));

/** Prints the `message` the sensor passes it. */
const printCalendarMessage = workflow({
  generateName: "calendar-workflow-",
  // the value gets overridden by the event payload
  parameters: { message: param(z.string(), { value: "hello world" }) },
  entrypoint: printMessage,
});

export const calendarSensor = sensor({
  name: "calendar",
  template: { serviceAccountName: "operate-workflow-sa" },
  dependencies: {
    "test-dep": calendar.events["example-with-interval"],
  },
  triggers: (deps) => [
    k8sTrigger(
      "calendar-workflow-trigger",
      {
        operation: "create",
        workflow: printCalendarMessage,
        arguments: { message: deps["test-dep"].data("eventTime") },
      },
      { retryStrategy: { steps: 3 } },
    ),
  ],
});
