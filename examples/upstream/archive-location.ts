import { container, workflow } from "@wfc/sdk";

// The container's logs are archived to the artifact repository.
const helloWorld = container(
  { name: "hello-world", archiveLocation: { archiveLogs: true } },
  { image: "busybox", command: ["echo"], args: ["hello world"] },
);

export default workflow({ generateName: "archive-location-", entrypoint: helloWorld });
