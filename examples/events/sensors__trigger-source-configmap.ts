/**
 * A sensor that creates the workflow stored in a ConfigMap: Argo Events' example
 * `examples/sensors/trigger-source-configmap.yaml`, in TypeScript.
 *
 *   npx wfc build examples/events/sensors__trigger-source-configmap.ts
 */
import { k8sTrigger, sensor } from "@wfc/events";
import { webhook } from "./event-sources__webhook.js";

export const triggerSourceConfigmapSensor = sensor({
  name: "trigger-source-configmap",
  template: { serviceAccountName: "operate-workflow-sa" },
  dependencies: {
    "test-dep": webhook.events.example,
  },
  triggers: [
    k8sTrigger("workflow-trigger", { operation: "create", source: { configmap: { name: "workflow-cm", key: "wf" } } }),
  ],
});
