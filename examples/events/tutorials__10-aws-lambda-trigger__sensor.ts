/**
 * AWS Lambda trigger: a sensor that invokes a Lambda function for every webhook call: Argo Events' example
 * `examples/tutorials/10-aws-lambda-trigger/sensor.yaml`, in TypeScript.
 *
 *   npx wfc build examples/events/tutorials__10-aws-lambda-trigger__sensor.ts
 */
import { awsLambdaTrigger, sensor } from "@wfc/events";
import { webhook } from "./event-sources__webhook.js";

export const webhookSensor = sensor({
  name: "webhook",
  dependencies: {
    "test-dep": webhook.events.example,
  },
  triggers: (deps) => [
    awsLambdaTrigger("lambda-trigger", {
      functionName: "hello",
      accessKey: { name: "aws-secret", key: "accesskey" },
      secretKey: { name: "aws-secret", key: "secretkey" },
      region: "us-east-1",
      payload: [deps["test-dep"].data("body.name").to("name")],
    }),
  ],
});
