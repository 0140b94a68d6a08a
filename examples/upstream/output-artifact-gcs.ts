import { artifact, container, workflow } from "@wfc/sdk";

const helloWorldToFile = container(
  {
    name: "hello-world-to-file",
    outputs: {
      message: artifact({
        path: "/tmp",
        gcs: {
          bucket: "my-bucket",
          key: "path/in/bucket/hello_world.txt.tgz",
          serviceAccountKeySecret: { name: "my-gcs-credentials", key: "serviceAccountKey" },
        },
      }),
    },
  },
  { image: "busybox", command: ["sh", "-c"], args: ["echo hello world | tee /tmp/hello_world.txt"] },
);

export default workflow({
  generateName: "output-artifact-gcs-",
  labels: { "workflows.argoproj.io/no-test": "environment" },
  entrypoint: helloWorldToFile,
});
