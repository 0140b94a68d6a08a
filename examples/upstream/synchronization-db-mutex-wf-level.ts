import { container, workflow } from "@wfc/sdk";

const helloWorld = container({ name: "hello-world" }, { image: "busybox", command: ["echo"], args: ["hello world"] });

// A mutex kept in the database (shared between controllers).
export default workflow({
  generateName: "synchronization-db-wf-level-",
  labels: { "workflows.argoproj.io/no-test": "environment" },
  synchronization: { mutexes: [{ name: "test", database: true }] },
  entrypoint: helloWorld,
});
