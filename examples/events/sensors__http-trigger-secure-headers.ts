/**
 * A sensor that calls a URL for every webhook call, with headers read from Secrets: Argo Events' example
 * `examples/sensors/http-trigger-secure-headers.yaml`, in TypeScript.
 *
 *   npx wfc build examples/events/sensors__http-trigger-secure-headers.ts
 */
import { httpTrigger, sensor } from "@wfc/events";
import { webhook } from "./event-sources__webhook.js";

export const httpTriggerSecureHeadersSensor = sensor({
  name: "http-trigger-secure-headers",
  dependencies: {
    "test-dep": webhook.events.example,
  },
  triggers: [
    httpTrigger(
      "http-trigger",
      {
        secureHeaders: [
          {
            name: "serviceToken",
            valueFrom: { secretKeyRef: { name: "dev-services-secret", key: "serviceToken" } },
          },
        ],
        url: "http://http-server.default.svc.cluster.local:8080/hello",
        method: "GET",
      },
      {
        retryStrategy: { steps: 3, duration: "3s" },
        policy: { status: { allow: [200, 201] } },
      },
    ),
  ],
});
