import { artifact, container, steps, workflow } from "@wfc/sdk";

const helloWorldToFile = container(
  { name: "hello-world-to-file", outputs: { "hello-art": artifact({ path: "/tmp/hello_world.txt" }) } },
  {
    image: "busybox",
    command: ["sh", "-c"],
    args: ["sleep 1; echo hello world | tee /tmp/hello_world.txt"],
  },
);

const printMessageFromFile = container(
  { name: "print-message-from-file", inputs: { message: artifact({ path: "/tmp/message" }) } },
  {
    image: "busybox",
    command: ["sh", "-c"],
    args: ["cat /tmp/message"],
  },
);

const artifactExample = steps({ name: "artifact-example" }, () => {
  const gen = helloWorldToFile({}, { name: "generate-artifact" });
  printMessageFromFile({ message: gen.outputs["hello-art"] }, { name: "consume-artifact" });
});

export default workflow({ generateName: "artifact-passing-", entrypoint: artifactExample });
