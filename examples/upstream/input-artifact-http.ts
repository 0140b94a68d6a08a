import { artifact, container, workflow } from "@wfc/sdk";

const example = container(
  {
    name: "http-artifact-example",
    inputs: {
      kubectl: artifact({
        path: "/bin/kubectl",
        mode: 0o755,
        http: { url: "https://storage.googleapis.com/kubernetes-release/release/v1.8.0/bin/linux/amd64/kubectl" },
      }),
    },
  },
  { image: "alpine:3.23", command: ["sh", "-c"], args: ["kubectl version"] },
);

export default workflow({
  generateName: "input-artifact-http-",
  labels: { "workflows.argoproj.io/no-test": "environment" },
  entrypoint: example,
});
