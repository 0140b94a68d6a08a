import { container, workflow } from "@wfc/sdk";

const initContainerExample = container(
  {
    name: "init-container-example",
    initContainers: [{ name: "hello", image: "alpine:3.23", command: ["echo", "hello"], mirrorVolumeMounts: true }],
  },
  { image: "alpine:3.23", command: ["echo", "bye"], volumeMounts: [{ name: "foo", mountPath: "/foo" }] },
);

export default workflow({
  generateName: "init-container-",
  volumes: [{ name: "foo", emptyDir: {} }],
  entrypoint: initContainerExample,
});
