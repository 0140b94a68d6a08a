import { container, workflow } from "@wfc/sdk";

const helloWorld = container({ name: "hello-world" }, { image: "busybox", command: ["echo"], args: ["hello world"] });

export default workflow({
  generateName: "hello-world-",
  labels: { "workflows.argoproj.io/no-test": "environment" },
  imagePullSecrets: [{ name: "docker-registry-secret" }],
  entrypoint: helloWorld,
});
