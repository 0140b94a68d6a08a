/**
 * An event source of type `sns`: Argo Events' example `examples/event-sources/aws-sns.yaml`, in TypeScript.
 *
 *   npx wfc build examples/events/event-sources__aws-sns.ts
 */
import { snsSource } from "@wfc/events";

export const awsSns = snsSource({
  name: "aws-sns",
  service: { ports: [{ port: 12000, targetPort: 12000 }] },
  events: {
    example: {
      topicArn: "arn:aws:sns:us-east-1:XXXXXXXX:test",
      webhook: {
        endpoint: "/",
        port: "12000",
        method: "POST",
        url: "http://url-that-is-reachable-from-AWS",
      },
      accessKey: { key: "accesskey", name: "aws-secret" },
      secretKey: { key: "secretkey", name: "aws-secret" },
      region: "us-east-1",
    },
  },
});
