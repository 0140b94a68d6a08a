import { artifact, container, workflow } from "@wfc/sdk";

const helloWorldToFile = container(
  {
    name: "hello-world-to-file",
    outputs: {
      message: artifact({
        path: "/tmp",
        s3: {
          endpoint: "s3.amazonaws.com",
          bucket: "my-bucket",
          region: "us-west-2",
          key: "path/in/bucket/hello_world.txt.tgz",
          accessKeySecret: { name: "my-s3-credentials", key: "accessKey" },
          secretKeySecret: { name: "my-s3-credentials", key: "secretKey" },
        },
      }),
    },
  },
  { image: "busybox", command: ["sh", "-c"], args: ["echo hello world | tee /tmp/hello_world.txt"] },
);

export default workflow({
  generateName: "output-artifact-s3-",
  labels: { "workflows.argoproj.io/no-test": "environment" },
  entrypoint: helloWorldToFile,
});
