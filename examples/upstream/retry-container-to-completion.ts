import { container, workflow } from "@wfc/sdk";

// An empty retryStrategy retries until the container succeeds.
const retryToCompletion = container(
  { name: "retry-to-completion", retryStrategy: {} },
  {
    image: "python:alpine3.23",
    command: ["python", "-c"],
    args: ["import random; import sys; exit_code = random.choice(range(0, 5)); sys.exit(exit_code)"],
  },
);

export default workflow({
  generateName: "retry-to-completion-",
  labels: { "workflows.argoproj.io/no-test": "duration" },
  entrypoint: retryToCompletion,
});
