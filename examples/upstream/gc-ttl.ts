import { container, workflow } from "@wfc/sdk";

const helloWorld = container({ name: "hello-world" }, { image: "busybox", command: ["echo"], args: ["hello world"] });

export default workflow({
  generateName: "gc-ttl-",
  // Time to live after completion whatever the status (overridden by secondsAfterSuccess and secondsAfterFailure).
  ttlStrategy: { secondsAfterCompletion: 10, secondsAfterSuccess: 5, secondsAfterFailure: 5 },
  entrypoint: helloWorld,
});
