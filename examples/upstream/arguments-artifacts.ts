import { artifact, container, workflow } from "@wfc/sdk";

const kubectlInputArtifact = container(
  { name: "kubectl-input-artifact", inputs: { kubectl: artifact({ path: "/usr/local/bin/kubectl", mode: 0o755 }) } },
  {
    image: "busybox",
    command: ["sh", "-c"],
    args: ["kubectl version"],
  },
);

// The workflow's artifact argument feeds the entrypoint's input artifact of the same name.
export default workflow({
  generateName: "arguments-artifacts-",
  labels: { "workflows.argoproj.io/no-test": "environment" },
  parameters: {
    kubectl: artifact({
      http: { url: "https://storage.googleapis.com/kubernetes-release/release/v1.8.0/bin/linux/amd64/kubectl" },
    }),
  },
  entrypoint: kubectlInputArtifact,
});
