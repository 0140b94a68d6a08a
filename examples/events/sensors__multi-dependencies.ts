/**
 * A sensor that waits for two dependencies, a webhook call and a calendar tick, before it runs a workflow: Argo
 * Events' example `examples/sensors/multi-dependencies.yaml`, in TypeScript.
 *
 * The workflow is a wfc workflow object; the trigger embeds it and passes the webhook body's `a` and the calendar
 * event's time to its two parameters.
 *
 *   npx wfc build examples/events/sensors__multi-dependencies.ts
 */

import { k8sTrigger, sensor } from "@wfc/events";
import { container, param, workflow, z } from "@wfc/sdk";
import { calendar } from "./event-sources__calendar.js";
import { webhook } from "./event-sources__webhook.js";

/**
 * Echoes `message1` and `message2`. Upstream declares an input `message`, not the two it prints, so Argo rejects
 * the workflow (`inputs.parameters.message was not supplied`): here the template declares the two it prints.
 */
const printMessage = container(
  { name: "print-message", inputs: { message1: z.string(), message2: z.string() } },
  { image: "busybox", command: ["echo"], args: ["{{inputs.parameters.message1}}", "{{inputs.parameters.message2}}"] },
);

const printBothMessages = workflow({
  generateName: "multi-signal-workflow-",
  parameters: {
    // overridden by the webhook event
    message1: param(z.string(), { value: "hello world" }),
    // overridden by the calendar event
    message2: param(z.string(), { value: "hello world" }),
  },
  entrypoint: printMessage,
});

export const multiDependenciesSensor = sensor({
  name: "multi-dependencies",
  template: { serviceAccountName: "operate-workflow-sa" },
  dependencies: {
    "test-dependency-webhook": webhook.events.example,
    "test-dependency-calendar": calendar.events["example-with-interval"],
  },
  triggers: (deps) => [
    k8sTrigger("multi-dependencies-workflow-trigger", {
      operation: "create",
      workflow: printBothMessages,
      arguments: {
        message1: deps["test-dependency-webhook"].data("body.a"),
        message2: deps["test-dependency-calendar"].data("eventTime"),
      },
    }),
  ],
});
