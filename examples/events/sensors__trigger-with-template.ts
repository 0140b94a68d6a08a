/**
 * A sensor: Argo Events' example `examples/sensors/trigger-with-template.yaml`, in TypeScript.
 *
 *   npx wfc build examples/events/sensors__trigger-with-template.ts
 */
import { k8sTrigger, sensor } from "@wfc/events";
import { webhook } from "./event-sources__webhook.js";

export const triggerWithTemplateSensor = sensor({
  name: "trigger-with-template",
  template: { serviceAccountName: "operate-workflow-sa" },
  dependencies: {
    "test-dep": webhook.events.example,
  },
  triggers: (deps) => [
    k8sTrigger("templated-workflow-trigger", {
      operation: "create",
      source: {
        resource: {
          apiVersion: "argoproj.io/v1alpha1",
          kind: "Workflow",
          metadata: { generateName: "webhook-" },
          spec: {
            entrypoint: "print-message",
            arguments: { parameters: [{ name: "message" }, { name: "subject" }] },
            templates: [
              {
                name: "print-message",
                inputs: { parameters: [{ name: "message" }, { name: "subject" }] },
                container: {
                  image: "busybox",
                  command: ["echo"],
                  args: ["{{inputs.parameters.message}} from {{inputs.parameters.subject}}"],
                },
              },
            ],
          },
        },
      },
      parameters: [
        deps["test-dep"].dataTemplate("{{ .Input.body.message | title }}").to("spec.arguments.parameters.0.value"),
        deps["test-dep"].contextTemplate("{{ .Input.subject | title }}").to("spec.arguments.parameters.1.value"),
        deps["test-dep"].dataTemplate("{{ .Input.body.name | nospace | lower }}-").to("metadata.generateName", "append"),
      ],
    }),
  ],
});
