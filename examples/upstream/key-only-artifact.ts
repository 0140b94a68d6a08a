import { artifact, container, dag, workflow } from "@wfc/sdk";

// Only the key is given: bucket and credentials come from the default artifact repository.
const generate = container(
  { name: "generate", outputs: { file: artifact({ path: "/mnt/file", s3: { key: "my-file" } }) } },
  {
    image: "argoproj/argosay:v2",
    args: ["echo", "hello", "/mnt/file"],
  },
);
const consume = container(
  { name: "consume", inputs: { file: artifact({ path: "/tmp/file", s3: { key: "my-file" } }) } },
  {
    image: "argoproj/argosay:v2",
    args: ["cat", "/tmp/file"],
  },
);

const main = dag({ name: "main" }, () => {
  const g = generate();
  consume({}, { after: g });
});

export default workflow({ generateName: "key-only-artifacts-", entrypoint: main });
