/**
 * A sensor that runs a workflow for every GitHub pull request event: Argo Events' example
 * `examples/sensors/github.yaml`, in TypeScript.
 *
 * The workflow is a wfc workflow object; the trigger embeds it and maps event values to its parameters by name. A
 * further parameter appends the pull request's number and short SHA to the workflow's name (e.g.
 * `github-21500-2c065a`).
 *
 *   npx wfc build examples/events/sensors__github.ts
 */

import { k8sTrigger, sensor } from "@wfc/events";
import { container, workflow, z } from "@wfc/sdk";
import { github } from "./event-sources__github.js";

/** Prints the pull request's title (it takes the number and short SHA too). */
const printMessage = container(
  { name: "print-message", inputs: { "pr-title": z.string(), "pr-number": z.string(), "short-sha": z.string() } },
  (pr) => ({ image: "busybox", command: ["echo"], args: [pr["pr-title"]] }),
);

const printPullRequest = workflow({
  generateName: "github-",
  parameters: { "pr-title": z.string(), "pr-number": z.string(), "short-sha": z.string() },
  entrypoint: printMessage,
});

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
    k8sTrigger(
      "github-workflow-trigger",
      {
        operation: "create",
        workflow: printPullRequest,
        arguments: {
          "pr-title": deps["test-dep"].data("body.pull_request.title"),
          "pr-number": deps["test-dep"].data("body.pull_request.number"),
          "short-sha": deps["test-dep"].dataTemplate("{{ .Input.body.pull_request.head.sha | substr 0 7 }}"),
        },
        parameters: [
          // name the workflow after the pull request: github-<number>-<short sha>
          deps["test-dep"]
            .dataTemplate("{{ .Input.body.pull_request.number }}-{{ .Input.body.pull_request.head.sha | substr 0 7 }}")
            .to("metadata.name", "append"),
        ],
      },
      { retryStrategy: { steps: 3 } },
    ),
  ],
});
