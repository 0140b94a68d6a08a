import { container, workflow } from "@wfc/sdk";

const helloWorld = container({ name: "hello-world" }, { image: "busybox", command: ["echo"], args: ["hello world"] });

// The logs of every pod are archived.
export default workflow({ generateName: "archive-location-", archiveLogs: true, entrypoint: helloWorld });
