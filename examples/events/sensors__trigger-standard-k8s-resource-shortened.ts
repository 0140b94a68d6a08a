/**
 * A sensor that creates a Kubernetes Pod (a plain object: the SDK makes Argo objects only) for every webhook call:
 * Argo Events' example `examples/sensors/trigger-standard-k8s-resource-shortened.yaml`, in TypeScript.
 *
 *   npx wfc build examples/events/sensors__trigger-standard-k8s-resource-shortened.ts
 */
import { k8sTrigger, sensor } from "@wfc/events";
import { webhook } from "./event-sources__webhook.js";

export const triggerStandardK8sResourceShortenedSensor = sensor({
  name: "trigger-standard-k8s-resource-shortened",
  template: { serviceAccountName: "operate-workflow-sa" },
  dependencies: {
    "test-dep": webhook.events.example,
  },
  triggers: (deps) => [
    k8sTrigger("webhook-pod-trigger", {
      operation: "create",
      source: {
        resource: {
          apiVersion: "v1",
          kind: "Pod",
          metadata: { generateName: "hello-world-" },
          spec: {
            containers: [
              {
                name: "hello-container",
                args: ["hello-world"],
                command: ["echo"],
                image: "busybox",
              },
            ],
          },
        },
      },
      parameters: [deps["test-dep"].data("body").to("spec.containers.0.args.0")],
    }),
  ],
});
