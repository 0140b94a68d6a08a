/**
 * A sensor whose triggers each wait on their own dependency (trigger `conditions`): Argo Events' example
 * `examples/sensors/dependencies-conditions.yaml`, in TypeScript.
 *
 * The first trigger's condition is reset every day at 23:59 Los Angeles time. The workflows are wfc workflow
 * objects the triggers embed.
 *
 *   npx wfc build examples/events/sensors__dependencies-conditions.ts
 */

import { externalEventSource, k8sTrigger, sensor } from "@wfc/events";
import { container, workflow } from "@wfc/sdk";

const webhook = externalEventSource("webhook", ["example", "example-foo"]);

/** Echoes "hello world". */
const printMessage = container(
  { name: "print-message" },
  { image: "busybox", command: ["echo"], args: ["hello world"] },
);

const helloWorld = workflow({ generateName: "hello-world-", entrypoint: printMessage });
const helloWorld2 = workflow({ generateName: "hello-world-2-", entrypoint: printMessage });

export const dependenciesConditionsSensor = sensor({
  name: "dependencies-conditions",
  template: { serviceAccountName: "operate-workflow-sa" },
  dependencies: {
    "test-dep": webhook.events.example,
    "test-dep-foo": webhook.events["example-foo"],
  },
  triggers: (deps) => [
    k8sTrigger(
      "webhook-workflow-trigger",
      {
        operation: "create",
        workflow: helloWorld,
      },
      {
        // a boolean expression over dependency names: run the trigger only when it holds
        conditions: `${deps["test-dep"]}`,
        // forget resolved dependencies at 23:59 every day
        conditionsReset: [{ byTime: { cron: "59 23 * * *", timezone: "America/Los_Angeles" } }],
      },
    ),
    k8sTrigger(
      "webhook-workflow-trigger-2",
      {
        operation: "create",
        workflow: helloWorld2,
      },
      { conditions: `${deps["test-dep-foo"]}` },
    ),
  ],
});
