/**
 * A sensor that runs a workflow for every AWS SNS notification: Argo Events' example
 * `examples/sensors/aws-sns.yaml`, in TypeScript.
 *
 * The workflow is a wfc workflow object (a DAG: one task extracts the notification's message, the next prints it);
 * the trigger embeds it and passes the event body to its `message` parameter.
 *
 *   npx wfc build examples/events/sensors__aws-sns.ts
 */

import { k8sTrigger, sensor } from "@wfc/events";
import { container, script, workflow, z } from "@wfc/sdk";
import { awsSns } from "./event-sources__aws-sns.js";

/** Reads an SNS notification (JSON) and prints its `Message`. */
const extractSnsMessage = script({ name: "extract-sns-message", inputs: { "sns-message": z.string() } }, (input) => ({
  image: "node:12-alpine",
  command: ["node"],
  source: `const snsMessage = ${input["sns-message"]};
console.log(snsMessage.Message);
`,
}));

/** Prints its `message` input. */
const printMessage = container({ name: "print-message", inputs: { message: z.string() } }, ({ message }) => ({
  image: "busybox",
  command: ["echo"],
  args: [message],
}));

/** Extracts the message of the SNS notification it is given, then prints it. */
const printSnsMessage = workflow(
  { generateName: "aws-sns-worfklow-", parameters: { message: z.string() }, dependencyStyle: "dependencies" },
  ({ message }) => {
    const extracted = extractSnsMessage({ "sns-message": message }, { name: "extract-message" });
    printMessage({ message: extracted.result });
  },
);

export const awsSnsSensor = sensor({
  name: "aws-sns",
  template: { serviceAccountName: "operate-workflow-sa" },
  dependencies: {
    "test-dep": awsSns.events.example,
  },
  triggers: (deps) => [
    k8sTrigger("sns-workflow", {
      operation: "create",
      workflow: printSnsMessage,
      arguments: { message: deps["test-dep"].data("body") },
    }),
  ],
});
