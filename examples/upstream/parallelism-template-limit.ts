import { container, forEach, steps, workflow } from "@wfc/sdk";

const sleep = container({ name: "sleep" }, { image: "alpine:3.23", command: ["sh", "-c", "sleep 10"] });

// At most two sleeps run at once.
const main = steps({ name: "parallelism-template-limit", parallelism: 2 }, () => {
  forEach(["this", "workflow", "should", "take", "at", "least", 60, "seconds", "to", "complete"], () => sleep());
});

export default workflow({
  generateName: "parallelism-template-limit-",
  labels: { "workflows.argoproj.io/no-test": "environment" },
  entrypoint: main,
});
