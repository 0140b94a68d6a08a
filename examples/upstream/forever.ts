import { container, workflow } from "@wfc/sdk";

const main = container(
  { name: "main" },
  { image: "busybox", command: ["sh", "-c", "for I in $(seq 1 1000) ; do echo $I ; sleep 1s; done"] },
);

export default workflow({ name: "forever", labels: { "workflows.argoproj.io/no-test": "duration" }, entrypoint: main });
