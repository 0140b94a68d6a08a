import { artifact, container, steps, workflow } from "@wfc/sdk";

// Output artifacts stored without archiving (or as an uncompressed tar).
const helloWorldToFile = container(
  {
    name: "hello-world-to-file",
    outputs: {
      etc: artifact({ path: "/etc", archive: { none: {} } }),
      "hello-txt": artifact({ path: "/tmp/hello_world.txt", archive: { none: {} } }),
      "hello-txt-nc": artifact({ path: "/tmp/hello_world_nc.txt", archive: { tar: { compressionLevel: 0 } } }),
    },
  },
  {
    image: "busybox",
    command: ["sh", "-c"],
    args: ["echo hello world | tee /tmp/hello_world.txt | tee /tmp/hello_world_nc.txt ; sleep 1"],
  },
);

const printMessageFromFiles = container(
  {
    name: "print-message-from-files",
    inputs: {
      etc: artifact({ path: "/tmp/etc" }),
      "hello-txt": artifact({ path: "/tmp/hello.txt" }),
      "hello-txt-nc": artifact({ path: "/tmp/hello_nc.txt" }),
    },
  },
  {
    image: "busybox",
    command: ["sh", "-c"],
    args: ["cat /tmp/hello.txt && cat /tmp/hello_nc.txt && cd /tmp/etc && find ."],
  },
);

const main = steps({ name: "artifact-disable-archive" }, () => {
  const gen = helloWorldToFile({}, { name: "generate-artifact" });
  printMessageFromFiles(
    { etc: gen.outputs.etc, "hello-txt": gen.outputs["hello-txt"], "hello-txt-nc": gen.outputs["hello-txt-nc"] },
    { name: "consume-artifact" },
  );
});

export default workflow({
  generateName: "artifact-disable-archive-",
  labels: { "workflows.argoproj.io/no-test": "flaky" },
  entrypoint: main,
});
