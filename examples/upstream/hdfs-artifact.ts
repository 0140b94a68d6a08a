import { artifact, container, steps, workflow } from "@wfc/sdk";

const HDFS = {
  addresses: [
    "my-hdfs-namenode-0.my-hdfs-namenode.default.svc.cluster.local:8020",
    "my-hdfs-namenode-1.my-hdfs-namenode.default.svc.cluster.local:8020",
  ],
  path: "/tmp/argo/foo",
  hdfsUser: "root",
  force: true,
};

const helloWorldToFile = container(
  { name: "hello-world-to-file", outputs: { "hello-art": artifact({ path: "/tmp/hello_world.txt", hdfs: HDFS }) } },
  {
    image: "busybox",
    command: ["sh", "-c"],
    args: ["echo hello world | tee /tmp/hello_world.txt"],
  },
);

const printMessageFromHdfs = container(
  { name: "print-message-from-hdfs", inputs: { message: artifact({ path: "/tmp/message", hdfs: HDFS }) } },
  {
    image: "alpine:3.23",
    command: ["sh", "-c"],
    args: ["cat /tmp/message"],
  },
);

const main = steps({ name: "artifact-example" }, () => {
  const gen = helloWorldToFile({}, { name: "generate-artifact" });
  printMessageFromHdfs({ message: gen.outputs["hello-art"] }, { name: "consume-artifact" });
});

export default workflow({
  generateName: "hdfs-artifact-",
  labels: { "workflows.argoproj.io/no-test": "environment" },
  entrypoint: main,
});
