/**
 * A sensor: Argo Events' example `examples/sensors/gitlab-emoji.yaml`, in TypeScript.
 *
 *   npx wfc build examples/events/sensors__gitlab-emoji.ts
 */
import { argoWorkflowTrigger, externalEventSource, logTrigger, sensor } from "@wfc/events";

const gitlab = externalEventSource("gitlab", ["group-example"]);

export const gitlabEmojiSensor = sensor({
  name: "gitlab-emoji",
  namespace: "argo-events",
  template: { serviceAccountName: "argo-events-sa" },
  dependencies: {
    "emoji-event": gitlab.events["group-example"].filter({ data: [{ path: "body.object_kind", type: "string", value: ["emoji"] }] }),
  },
  triggers: (deps) => [
    logTrigger("emoji-notification-trigger", { intervalSeconds: 1 }),
    argoWorkflowTrigger("emoji-workflow-trigger", {
      operation: "submit",
      source: {
        resource: {
          apiVersion: "argoproj.io/v1alpha1",
          kind: "Workflow",
          metadata: { generateName: "gitlab-emoji-", namespace: "argo" },
          spec: {
            entrypoint: "process-emoji",
            arguments: {
              parameters: [
                { name: "emoji-name", value: "unknown" },
                { name: "user", value: "unknown" },
                { name: "target-type", value: "unknown" },
                { name: "target-title", value: "unknown" },
              ],
            },
            templates: [
              {
                name: "process-emoji",
                inputs: {
                  parameters: [
                    { name: "emoji-name" },
                    { name: "user" },
                    { name: "target-type" },
                    { name: "target-title" },
                  ],
                },
                container: {
                  image: "alpine:latest",
                  command: ["sh", "-c"],
                  args: [
                    `echo "================================================"
echo "GitLab Emoji Event Received!"
echo "================================================"
echo "Emoji: {{inputs.parameters.emoji-name}}"
echo "User: {{inputs.parameters.user}}"
echo "Target Type: {{inputs.parameters.target-type}}"
echo "Target: {{inputs.parameters.target-title}}"
echo "================================================"
`,
                  ],
                },
              },
            ],
          },
        },
      },
      parameters: [
        deps["emoji-event"].data("body.object_attributes.name").to("spec.arguments.parameters.0.value"),
        deps["emoji-event"].data("body.user.username").to("spec.arguments.parameters.1.value"),
        deps["emoji-event"].data("body.object_attributes.awardable_type").to("spec.arguments.parameters.2.value"),
        deps["emoji-event"].data("body.issue.title").to("spec.arguments.parameters.3.value"),
      ],
    }),
  ],
});
