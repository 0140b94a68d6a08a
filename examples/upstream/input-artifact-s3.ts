import { artifact, container, workflow } from "@wfc/sdk";

const example = container(
  {
    name: "input-artifact-s3-example",
    inputs: {
      "my-art": artifact({
        path: "/my-artifact",
        s3: {
          endpoint: "s3.amazonaws.com",
          bucket: "my-bucket-name",
          key: "path/in/bucket",
          region: "us-west-2",
          accessKeySecret: { name: "my-s3-credentials", key: "accessKey" },
          secretKeySecret: { name: "my-s3-credentials", key: "secretKey" },
        },
      }),
    },
  },
  { image: "debian:latest", command: ["sh", "-c"], args: ["ls -l /my-artifact"] },
);

export default workflow({
  generateName: "input-artifact-s3-",
  labels: { "workflows.argoproj.io/no-test": "environment" },
  entrypoint: example,
});
