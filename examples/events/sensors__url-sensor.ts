/**
 * A sensor that creates the workflow found at a URL: Argo Events' example `examples/sensors/url-sensor.yaml`, in
 * TypeScript.
 *
 * Differs from upstream: rename `spec.triggers.0.template.k8s.source.url.verifycert` to `verifyCert` (URLArtifact's field is `verifyCert`).
 *
 *   npx wfc build examples/events/sensors__url-sensor.ts
 */
import { k8sTrigger, sensor } from "@wfc/events";
import { webhook } from "./event-sources__webhook.js";

export const urlSensorSensor = sensor({
  name: "url-sensor",
  template: { serviceAccountName: "operate-workflow-sa" },
  dependencies: {
    "test-dep": webhook.events.example,
  },
  triggers: [
    k8sTrigger(
      "url-workflow-trigger",
      {
        operation: "create",
        source: {
          url: {
            path: "https://raw.githubusercontent.com/argoproj/argo-workflows/master/examples/hello-world.yaml",
            verifyCert: false,
          },
        },
      },
      { retryStrategy: { steps: 3 } },
    ),
  ],
});
