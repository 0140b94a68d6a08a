/**
 * An event source of type `bitbucket`: Argo Events' example `examples/event-sources/bitbucket.yaml`, in TypeScript.
 *
 *   npx wfc build examples/events/event-sources__bitbucket.ts
 */
import { bitbucketSource } from "@wfc/events";

export const bitbucket = bitbucketSource({
  name: "bitbucket",
  service: { ports: [{ port: 12000, targetPort: 12000 }] },
  events: {
    example: {
      repositories: [
        { owner: "name-of-owner", repositorySlug: "name-of-repository1" },
        { owner: "name-of-owner", repositorySlug: "name-of-repository2" },
      ],
      events: ["repo:push"],
      webhook: {
        endpoint: "/push",
        port: "12000",
        method: "POST",
        url: "http://url-that-is-reachable-from-bitbucket",
      },
      deleteHookOnFinish: true,
      auth: {
        basic: {
          username: { name: "bitbucket-access", key: "username" },
          password: { name: "bitbucket-access", key: "password" },
        },
      },
    },
  },
});
