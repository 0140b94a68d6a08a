import { artifact, container, workflow } from "@wfc/sdk";

const main = container(
  { name: "main", outputs: { hello_world: artifact({ path: "/tmp/hello_world.txt" }) } },
  {
    image: "busybox",
    command: ["sh", "-c"],
    args: ["echo hello world | tee /tmp/hello_world.txt"],
  },
);

// Artifacts go to the repository under key "my-key" of the artifact-repositories ConfigMap.
export default workflow({
  generateName: "artifact-repository-ref-",
  artifactRepositoryRef: { key: "my-key" },
  entrypoint: main,
});
