import { artifact, container, workflow } from "@wfc/sdk";

const helloWorldToFile = container(
  {
    name: "hello-world-to-file",
    outputs: {
      message: artifact({
        path: "/tmp",
        azure: {
          endpoint: "https://myazurestorageaccountname.blob.core.windows.net",
          container: "my-container",
          blob: "path/in/container/hello_world.txt.tgz",
          accountKeySecret: { name: "my-azure-credentials", key: "accountKey" },
        },
      }),
    },
  },
  { image: "busybox", command: ["sh", "-c"], args: ["echo hello world | tee /tmp/hello_world.txt"] },
);

// (upstream names this one output-artifact-s3- too)
export default workflow({
  generateName: "output-artifact-s3-",
  labels: { "workflows.argoproj.io/no-test": "environment" },
  entrypoint: helloWorldToFile,
});
