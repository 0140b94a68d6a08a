import { container, workflow } from "@wfc/sdk";

const helloWorld = container({ name: "hello-world" }, { image: "busybox", command: ["echo"], args: ["hello world"] });

// One workflow at a time holds the mutex "test".
export default workflow({
  generateName: "synchronization-wf-level-",
  synchronization: { mutexes: [{ name: "test" }] },
  entrypoint: helloWorld,
});
