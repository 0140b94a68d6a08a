import { container, workflow } from "@wfc/sdk";

const retryBackoff = container(
  {
    name: "retry-backoff",
    // Durations are strings; the default unit is seconds ("2m", "6h" work too).
    retryStrategy: { limit: "10", backoff: { duration: "1", factor: "2", maxDuration: "1m", cap: "5" } },
  },
  {
    image: "python:alpine3.23",
    command: ["python", "-c"],
    args: ["import random; import sys; exit_code = random.choice([0, 1, 1]); sys.exit(exit_code)"],
  },
);

export default workflow({
  generateName: "retry-backoff-",
  labels: { "workflows.argoproj.io/no-test": "duration" },
  entrypoint: retryBackoff,
});
