import { container, workflow } from "@wfc/sdk";

// retryPolicy "Always" retries on errors and failures (also: OnFailure (default), OnError, OnTransientError).
const errorContainer = container(
  { name: "error-container", retryStrategy: { limit: "2", retryPolicy: "Always" } },
  {
    image: "python:alpine3.23",
    command: ["python", "-c"],
    args: ["import random; import sys; exit_code = random.choice(range(0, 5)); sys.exit(exit_code)"],
  },
);

export default workflow({
  generateName: "retry-on-error-",
  labels: { "workflows.argoproj.io/no-test": "environment" },
  entrypoint: errorContainer,
});
