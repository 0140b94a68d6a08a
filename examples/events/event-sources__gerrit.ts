/**
 * An event source of type `gerrit`: Argo Events' example `examples/event-sources/gerrit.yaml`, in TypeScript.
 *
 *   npx wfc build examples/events/event-sources__gerrit.ts
 */
import { gerritSource } from "@wfc/events";

export const gerrit = gerritSource({
  name: "gerrit",
  service: { ports: [{ port: 13000, targetPort: 13000 }] },
  events: {
    example: {
      projects: ["argo-webhook", "argo/webhook"],
      hookName: "argo-webhook-example",
      webhook: {
        endpoint: "/push",
        port: "13000",
        method: "POST",
        url: "http://url-that-is-reachable-from-Gerrit",
      },
      events: ["patchset-created"],
      auth: {
        username: { name: "gerrit-access", key: "username" },
        password: { name: "gerrit-access", key: "password" },
      },
      sslVerify: false,
      gerritBaseURL: "http://10.0.71.100:58080/",
      deleteHookOnFinish: true,
    },
  },
});
