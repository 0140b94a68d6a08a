import { container, forEach, steps, workflow } from "@wfc/sdk";

const sleep = container({ name: "sleep" }, { image: "busybox", command: ["sh", "-c", "sleep 10"] });

// At most two sleeps run at once.
const main = steps({ name: "parallelism-limit" }, () => {
  forEach(["this", "workflow", "should", "take", "at", "least", 60, "seconds", "to", "complete"], () => sleep());
});

export default workflow({
  generateName: "parallelism-limit-",
  labels: { "workflows.argoproj.io/no-test": "duration" },
  parallelism: 2,
  entrypoint: main,
});
