import { container, steps, workflow } from "@wfc/sdk";

const workdir = { name: "workdir", mountPath: "/mnt/vol" };

const appendToAccesslog = container(
  { name: "append-to-accesslog" },
  {
    image: "alpine:3.23",
    command: ["sh", "-c"],
    args: ["echo accessed at: $(date) | tee -a /mnt/vol/accesslog"],
    volumeMounts: [workdir],
  },
);
const printAccesslog = container(
  { name: "print-accesslog" },
  {
    image: "alpine:3.23",
    command: ["sh", "-c"],
    args: ["echo 'Volume access log:'; cat /mnt/vol/accesslog"],
    volumeMounts: [workdir],
  },
);

const main = steps({ name: "volumes-existing-example" }, () => {
  appendToAccesslog({}, { name: "generate" });
  printAccesslog({}, { name: "print" });
});

// An existing PersistentVolumeClaim mounted by both steps.
export default workflow({
  generateName: "volumes-existing-",
  volumes: [{ name: "workdir", persistentVolumeClaim: { claimName: "my-existing-volume" } }],
  entrypoint: main,
});
