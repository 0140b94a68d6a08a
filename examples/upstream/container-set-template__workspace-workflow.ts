import { artifact, containerSet, outputFromPath, workflow, z } from "@wfc/sdk";

// Containers share files through a workspace volume; a container not called "main" makes the output.
const main = containerSet(
  {
    name: "main",
    volumes: [{ name: "workspace", emptyDir: {} }],
    // a parameter and an artifact both named "out"
    outputs: {
      out: outputFromPath(z.string(), "/workspace/out"),
      outArtifact: artifact({ name: "out", path: "/workspace/out" }),
    },
  },
  {
    volumeMounts: [{ mountPath: "/workspace", name: "workspace" }],
    containers: [
      { name: "a", image: "argoproj/argosay:v2", args: ["echo", "hi", "/workspace/out"] },
      { name: "main", image: "argoproj/argosay:v2" },
    ],
  },
);

export default workflow({
  generateName: "workspace-",
  annotations: {
    "workflows.argoproj.io/description":
      'This workflow demonstrates using a workspace to share files between containers. This also allows containers not\ncalled "main" to create output artifacts.\n',
    "workflows.argoproj.io/version": ">= 3.1.0",
  },
  entrypoint: main,
});
