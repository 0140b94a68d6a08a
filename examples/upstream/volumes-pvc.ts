import { container, steps, workflow } from "@wfc/sdk";

const workdir = { name: "workdir", mountPath: "/mnt/vol" };

const helloWorldToFile = container(
  { name: "hello-world-to-file" },
  {
    image: "busybox",
    command: ["sh", "-c"],
    args: ["echo generating message in volume; echo hello world | tee /mnt/vol/hello_world.txt"],
    volumeMounts: [workdir],
  },
);
const printMessageFromFile = container(
  { name: "print-message-from-file" },
  {
    image: "alpine:3.23",
    command: ["sh", "-c"],
    args: ["echo getting message from volume; find /mnt/vol; cat /mnt/vol/hello_world.txt"],
    volumeMounts: [workdir],
  },
);

const main = steps({ name: "volumes-pvc-example" }, () => {
  helloWorldToFile({}, { name: "generate" });
  printMessageFromFile({}, { name: "print" });
});

// A volume claimed for the workflow's lifetime.
export default workflow({
  generateName: "volumes-pvc-",
  volumeClaimTemplates: [
    {
      metadata: { name: "workdir" },
      spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } },
    },
  ],
  entrypoint: main,
});
