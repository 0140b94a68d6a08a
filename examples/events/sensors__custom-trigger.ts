/**
 * A sensor with a custom trigger, served over gRPC by a trigger server of your own: Argo Events' example
 * `examples/sensors/custom-trigger.yaml`, in TypeScript.
 *
 *   npx wfc build examples/events/sensors__custom-trigger.ts
 */
import { customTrigger, sensor } from "@wfc/events";
import { webhook } from "./event-sources__webhook.js";

export const customTriggerEventsSensor = sensor({
  name: "custom-trigger",
  dependencies: {
    "test-dep": webhook.events.example,
  },
  triggers: (deps) => [
    customTrigger(
      "webhook-workflow-trigger",
      {
        serverURL: "tekton-trigger.argo-events.svc:9000",
        spec: {
          url: "https://raw.githubusercontent.com/VaibhavPage/tekton-cd-trigger/master/example.yaml",
        },
        parameters: [deps["test-dep"].data("body.namespace").to("metadata.namespace")],
      },
      { parameters: [deps["test-dep"].data("body.url").to("custom.spec.url")] },
    ),
  ],
});
