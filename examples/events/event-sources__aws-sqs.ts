/**
 * An event source of type `sqs`: Argo Events' example `examples/event-sources/aws-sqs.yaml`, in TypeScript.
 *
 *   npx wfc build examples/events/event-sources__aws-sqs.ts
 */
import { sqsSource } from "@wfc/events";

export const awsSqs = sqsSource({
  name: "aws-sqs",
  events: {
    example: {
      jsonBody: true,
      accessKey: { key: "accesskey", name: "aws-secret" },
      secretKey: { key: "secretkey", name: "aws-secret" },
      region: "us-east-1",
      queue: "test",
      waitTimeSeconds: 20,
    },
  },
});
