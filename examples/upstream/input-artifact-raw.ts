import { artifact, container, workflow } from "@wfc/sdk";

const rawContents = container(
  {
    name: "raw-contents",
    inputs: { myfile: artifact({ path: "/tmp/file", raw: { data: "this is\nthe raw file\ncontents\n" } }) },
  },
  { image: "alpine:3.23", command: ["sh", "-c"], args: ["cat /tmp/file"] },
);

export default workflow({ generateName: "input-artifact-raw-", entrypoint: rawContents });
