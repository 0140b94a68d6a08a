import { artifact, container, workflow } from "@wfc/sdk";

const main = container(
  {
    name: "main",
    outputs: {
      // overrides the workflow's strategy for this artifact
      "on-completion": artifact({
        path: "/tmp/on-completion.txt",
        s3: { key: "on-completion.txt" },
        artifactGC: { strategy: "OnWorkflowCompletion" },
      }),
      "on-deletion": artifact({ path: "/tmp/on-deletion.txt", s3: { key: "on-deletion.txt" } }),
    },
  },
  {
    image: "argoproj/argosay:v2",
    command: ["sh", "-c"],
    args: ['echo "hello world" > /tmp/on-completion.txt\necho "hello world" > /tmp/on-deletion.txt\n'],
  },
);

// Artifacts are deleted when the workflow is deleted, unless an artifact says otherwise.
export default workflow({
  generateName: "artifact-gc-",
  artifactGC: { strategy: "OnWorkflowDeletion" },
  entrypoint: main,
});
