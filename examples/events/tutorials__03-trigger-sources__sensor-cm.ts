/**
 * Trigger sources: a workflow stored in a ConfigMap: Argo Events' example
 * `examples/tutorials/03-trigger-sources/sensor-cm.yaml`, in TypeScript.
 *
 * Differs from upstream: remove `spec.triggers.0.template.k8s.source.configmap.namespace` (a ConfigMapKeySelector has no namespace (the sensor's namespace is used)).
 *
 *   npx wfc build examples/events/tutorials__03-trigger-sources__sensor-cm.ts
 */
import { k8sTrigger, sensor } from "@wfc/events";
import { webhook } from "./event-sources__webhook.js";

export const webhookSensor = sensor({
  name: "webhook",
  template: { serviceAccountName: "operate-workflow-sa" },
  dependencies: {
    "test-dep": webhook.events.example,
  },
  triggers: [
    k8sTrigger("minio-workflow-trigger", {
      operation: "create",
      source: { configmap: { name: "trigger-store", key: "workflow" } },
    }),
  ],
});
