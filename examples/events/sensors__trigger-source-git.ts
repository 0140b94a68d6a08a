/**
 * A sensor that creates the workflow stored in a Git repository (HTTPS credentials, an SSH key, a GitHub App):
 * Argo Events' example `examples/sensors/trigger-source-git.yaml`, in TypeScript.
 *
 *   npx wfc build examples/events/sensors__trigger-source-git.ts
 */
import { k8sTrigger, sensor } from "@wfc/events";
import { webhook } from "./event-sources__webhook.js";

export const triggerSourceGitSensor = sensor({
  name: "trigger-source-git",
  template: {
    container: {
      volumeMounts: [
        { mountPath: "/git/argoproj", name: "argoproj" },
        { mountPath: "/git/argoproj1", name: "argoproj1" },
      ],
    },
    volumes: [
      { name: "argoproj", emptyDir: {} },
      { name: "argoproj1", emptyDir: {} },
    ],
    serviceAccountName: "operate-workflow-sa",
  },
  dependencies: {
    "test-dep": webhook.events.example,
  },
  triggers: [
    k8sTrigger("workflow-trigger-1", {
      operation: "create",
      source: {
        git: {
          url: "https://github.com/argoproj/argo.git",
          cloneDirectory: "/git/argoproj",
          creds: {
            username: { name: "github-secret", key: "username" },
            password: { name: "github-secret", key: "password" },
          },
          filePath: "examples/hello-world.yaml",
          tag: "v2.4.0",
        },
      },
    }),
    k8sTrigger("workflow-trigger-2", {
      operation: "create",
      source: {
        git: {
          url: "git@github.com:argoproj/argo.git",
          cloneDirectory: "/git/argoproj1",
          sshKeySecret: { name: "git-ssh", key: "key" },
          filePath: "examples/hello-world.yaml",
          branch: "master",
        },
      },
    }),
    k8sTrigger("workflow-trigger-3", {
      operation: "create",
      source: {
        git: {
          url: "https://github.com/argoproj/argo.git",
          cloneDirectory: "/git/argoproj",
          githubApp: {
            privateKey: { name: "github-app-pem", key: "privateKey.pem" },
            appID: 12345,
            installationID: 67890,
          },
          filePath: "examples/hello-world.yaml",
          branch: "main",
        },
      },
    }),
  ],
});
