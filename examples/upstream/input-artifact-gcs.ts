import { artifact, container, workflow } from "@wfc/sdk";

const example = container(
  {
    name: "input-artifact-gcs-example",
    inputs: {
      "my-art": artifact({
        path: "/my-artifact",
        gcs: {
          bucket: "my-bucket-name",
          key: "path/in/bucket",
          serviceAccountKeySecret: { name: "my-gcs-credentials", key: "serviceAccountKey" },
        },
      }),
    },
  },
  { image: "debian:latest", command: ["sh", "-c"], args: ["ls -l /my-artifact"] },
);

export default workflow({
  generateName: "input-artifact-gcs-",
  labels: { "workflows.argoproj.io/no-test": "environment" },
  entrypoint: example,
});
