import { artifact, container, steps, workflow } from "@wfc/sdk";

// The output artifact is stored by the artifact plugin "test".
const helloWorldToFile = container(
  {
    name: "hello-world-to-file",
    outputs: {
      "hello-art": artifact({
        path: "/tmp/hello_world.txt",
        plugin: {
          name: "test",
          configuration: `bucket: my-bucket
endpoint: minio:9000
insecure: true
accessKeySecret:
  name: my-minio-cred
  key: accesskey
secretKeySecret:
  name: my-minio-cred
  key: secretkey
`,
          key: "hi",
        },
      }),
    },
  },
  { image: "busybox", command: ["sh", "-c"], args: ["sleep 1; echo hello world | tee /tmp/hello_world.txt"] },
);

const printMessageFromFile = container(
  { name: "print-message-from-file", inputs: { message: artifact({ path: "/tmp/message" }) } },
  {
    image: "busybox",
    command: ["sh", "-c"],
    args: ["cat /tmp/message"],
  },
);

const main = steps({ name: "artifact-example" }, () => {
  const gen = helloWorldToFile({}, { name: "generate-artifact" });
  printMessageFromFile({ message: gen.outputs["hello-art"] }, { name: "consume-artifact" });
});

export default workflow({ generateName: "artifact-passing-", entrypoint: main });
