/**
 * A sensor that runs a workflow for every emoji reaction in a GitLab group: Argo Events' example
 * `examples/sensors/gitlab-emoji.yaml`, in TypeScript.
 *
 * The dependency must name a GitLab group webhook event source with emoji events; a data filter keeps only emoji
 * award events. A log trigger logs each one, and an Argo Workflow trigger submits a wfc workflow object with the
 * emoji, the user, and what the emoji was added to (an issue, a merge request...).
 *
 *   npx wfc build examples/events/sensors__gitlab-emoji.ts
 */

import { argoWorkflowTrigger, externalEventSource, logTrigger, sensor } from "@wfc/events";
import { container, param, workflow, z } from "@wfc/sdk";

const gitlab = externalEventSource("gitlab", ["group-example"]);

/** Prints what the emoji reaction was and who added it to what. */
const processEmoji = container(
  {
    name: "process-emoji",
    inputs: { "emoji-name": z.string(), user: z.string(), "target-type": z.string(), "target-title": z.string() },
  },
  (reaction) => ({
    image: "alpine:latest",
    command: ["sh", "-c"],
    args: [
      `echo "================================================"
echo "GitLab Emoji Event Received!"
echo "================================================"
echo "Emoji: ${reaction["emoji-name"]}"
echo "User: ${reaction.user}"
echo "Target Type: ${reaction["target-type"]}"
echo "Target: ${reaction["target-title"]}"
echo "================================================"
`,
    ],
  }),
);

const processEmojiWorkflow = workflow({
  generateName: "gitlab-emoji-",
  namespace: "argo",
  parameters: {
    "emoji-name": param(z.string(), { value: "unknown" }),
    user: param(z.string(), { value: "unknown" }),
    "target-type": param(z.string(), { value: "unknown" }),
    "target-title": param(z.string(), { value: "unknown" }),
  },
  entrypoint: processEmoji,
});

export const gitlabEmojiSensor = sensor({
  name: "gitlab-emoji",
  namespace: "argo-events",
  template: { serviceAccountName: "argo-events-sa" },
  dependencies: {
    "emoji-event": gitlab.events["group-example"].filter({
      data: [{ path: "body.object_kind", type: "string", value: ["emoji"] }],
    }),
  },
  triggers: (deps) => [
    logTrigger("emoji-notification-trigger", { intervalSeconds: 1 }),
    argoWorkflowTrigger("emoji-workflow-trigger", {
      operation: "submit",
      workflow: processEmojiWorkflow,
      arguments: {
        "emoji-name": deps["emoji-event"].data("body.object_attributes.name"),
        user: deps["emoji-event"].data("body.user.username"),
        // what the emoji was added to: Issue, MergeRequest...
        "target-type": deps["emoji-event"].data("body.object_attributes.awardable_type"),
        // the title is where an issue has it (other targets keep the default)
        "target-title": deps["emoji-event"].data("body.issue.title"),
      },
    }),
  ],
});
