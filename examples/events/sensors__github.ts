/**
 * A sensor: Argo Events' example `examples/sensors/github.yaml`, in TypeScript.
 *
 *   npx wfc build examples/events/sensors__github.ts
 */
import { k8sTrigger, sensor } from "@wfc/events";
import { github } from "./event-sources__github.js";

export const githubSensor = sensor({
  name: "github",
  template: { serviceAccountName: "operate-workflow-sa" },
  dependencies: {
    "test-dep": github.events.example.filter({
      data: [
        { path: "headers.X-Github-Event", type: "string", value: ["pull_request"] },
        {
          path: "body.action",
          type: "string",
          value: ["opened", "edited", "reopened", "synchronize"],
        },
        { path: "body.pull_request.state", type: "string", value: ["open"] },
        { path: "body.pull_request.base.ref", type: "string", value: ["master"] },
      ],
    }),
  },
  triggers: (deps) => [
    k8sTrigger("github-workflow-trigger", {
      operation: "create",
      source: {
        resource: {
          apiVersion: "argoproj.io/v1alpha1",
          kind: "Workflow",
          metadata: { generateName: "github-" },
          spec: {
            entrypoint: "print-message",
            arguments: { parameters: [{ name: "pr-title" }, { name: "pr-number" }, { name: "short-sha" }] },
            templates: [
              {
                name: "print-message",
                inputs: {
                  parameters: [{ name: "pr-title" }, { name: "pr-number" }, { name: "short-sha" }],
                },
                container: { image: "busybox", command: ["echo"], args: ["{{inputs.parameters.pr-title}}"] },
              },
            ],
          },
        },
      },
      parameters: [
        deps["test-dep"].data("body.pull_request.title").to("spec.arguments.parameters.0.value"),
        deps["test-dep"].data("body.pull_request.number").to("spec.arguments.parameters.1.value"),
        deps["test-dep"].dataTemplate("{{ .Input.body.pull_request.head.sha | substr 0 7 }}").to("spec.arguments.parameters.2.value"),
        deps["test-dep"].dataTemplate("{{ .Input.body.pull_request.number }}-{{ .Input.body.pull_request.head.sha | substr 0 7 }}").to("metadata.name", "append"),
      ],
    }, { retryStrategy: { steps: 3 } }),
  ],
});
