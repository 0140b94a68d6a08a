/**
 * Standard Kubernetes resources: a sensor that creates a Deployment (a plain object: the SDK makes Argo objects
 * only): Argo Events' example `examples/tutorials/04-standard-k8s-resources/sensor-deployment.yaml`, in
 * TypeScript.
 *
 *   npx wfc build examples/events/tutorials__04-standard-k8s-resources__sensor-deployment.ts
 */
import { k8sTrigger, sensor } from "@wfc/events";
import { webhook } from "./event-sources__webhook.js";

export const webhookSensor = sensor({
  name: "webhook",
  template: { serviceAccountName: "k8s-resource-sa" },
  dependencies: {
    "test-dep": webhook.events.example,
  },
  triggers: (deps) => [
    k8sTrigger("webhook-deployment-trigger", {
      operation: "create",
      source: {
        resource: {
          apiVersion: "apps/v1",
          kind: "Deployment",
          metadata: { generateName: "hello-world-" },
          spec: {
            replicas: 1,
            selector: { matchLabels: { app: "mydeploy" } },
            template: {
              metadata: { labels: { app: "mydeploy" } },
              spec: {
                containers: [
                  {
                    name: "hello-container",
                    args: ["hello world"],
                    command: ["echo"],
                    image: "busybox",
                  },
                ],
              },
            },
          },
        },
      },
      parameters: [deps["test-dep"].data().to("spec.template.spec.containers.0.args.0")],
    }),
  ],
});
