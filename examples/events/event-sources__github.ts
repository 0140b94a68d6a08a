/**
 * An event source of type `github`: Argo Events' example `examples/event-sources/github.yaml`, in TypeScript.
 *
 *   npx wfc build examples/events/event-sources__github.ts
 */
import { githubSource } from "@wfc/events";

export const github = githubSource({
  name: "github",
  service: {
    ports: [
      { name: "example", port: 12000, targetPort: 12000 },
      { name: "example-without-api-credentials", port: 13000, targetPort: 13000 },
    ],
  },
  events: {
    example: {
      repositories: [{ owner: "argoproj", names: ["argo-events", "argo-workflows"] }],
      webhook: {
        endpoint: "/push",
        port: "12000",
        method: "POST",
        url: "http://url-that-is-reachable-from-GitHub",
      },
      events: ["*"],
      apiToken: { name: "github-access", key: "token" },
      insecure: true,
      active: true,
      contentType: "json",
    },
    "example-without-api-credentials": {
      owner: "argoproj",
      repository: "argo",
      webhook: { endpoint: "/push", port: "13000", method: "POST" },
      events: ["*"],
      webhookSecret: { name: "github-access", key: "secret" },
      insecure: true,
      active: true,
      contentType: "json",
    },
  },
});
