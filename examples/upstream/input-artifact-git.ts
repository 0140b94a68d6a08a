import { artifact, container, workflow } from "@wfc/sdk";

const gitClone = container(
  {
    name: "git-clone",
    inputs: {
      "argo-source": artifact({
        path: "/src",
        git: { repo: "https://github.com/argoproj/argo-workflows.git", revision: "v2.1.1" },
      }),
    },
  },
  { image: "golang:1.10", command: ["sh", "-c"], args: ["git status && ls && cat VERSION"], workingDir: "/src" },
);

export default workflow({
  generateName: "input-artifact-git-",
  labels: { "workflows.argoproj.io/no-test": "environment" },
  entrypoint: gitClone,
});
