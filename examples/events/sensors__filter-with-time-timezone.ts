/**
 * A sensor whose dependency passes only during business hours in a time zone: Argo Events' example
 * `examples/sensors/filter-with-time-timezone.yaml`, in TypeScript.
 *
 * The time filter passes events between 9 AM and 5 PM New York time (daylight saving time included). The workflow
 * is a wfc workflow object the trigger embeds.
 *
 *   npx wfc build examples/events/sensors__filter-with-time-timezone.ts
 */

import { k8sTrigger, sensor } from "@wfc/events";
import { container, param, workflow, z } from "@wfc/sdk";
import { webhook } from "./event-sources__webhook.js";

/** Cows say the `message`. */
const whalesay = container({ name: "whalesay", inputs: { message: z.string() } }, ({ message }) => ({
  image: "docker/whalesay:latest",
  command: ["cowsay"],
  args: [message],
}));

const businessHoursWhalesay = workflow({
  generateName: "webhook-",
  parameters: { message: param(z.string(), { value: "Triggered during business hours in New York!" }) },
  entrypoint: whalesay,
});

export const filterWithTimeTimezoneSensor = sensor({
  name: "filter-with-time-timezone",
  template: { serviceAccountName: "operate-workflow-sa" },
  dependencies: {
    "test-dep": webhook.events.example.filter({
      time: { start: "09:00:00", stop: "17:00:00", timezone: "America/New_York" },
    }),
  },
  triggers: [
    k8sTrigger("webhook-workflow-trigger", {
      operation: "create",
      workflow: businessHoursWhalesay,
    }),
  ],
});
