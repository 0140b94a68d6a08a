import { container, steps, workflow } from "@wfc/sdk";

const small = container({ name: "small" }, { image: "busybox", command: ["echo"], args: ["small step"] });
const large = container(
  {
    name: "large",
    podResources: { limits: { cpu: "2", memory: "1Gi" } },
    sidecars: [{ name: "helper", image: "busybox", command: ["sh", "-c"], args: ["sleep 10"] }],
  },
  { image: "busybox", command: ["sh", "-c"], args: ["sleep 5; echo large step"] },
);

const main = steps({ name: "main" }, () => {
  small();
  large();
});

export default workflow({
  generateName: "pod-resources-template-override-",
  podResources: { limits: { cpu: "1", memory: "512Mi" } },
  entrypoint: main,
});
