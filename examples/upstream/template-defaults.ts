import { container, steps, workflow } from "@wfc/sdk";

const helloWorld = container({ name: "hello-world" }, { image: "busybox", command: ["echo"], args: ["hello world"] });
const retryBackoff = container(
  { name: "retry-backoff" },
  {
    image: "python:alpine3.23",
    command: ["python", "-c"],
    args: ["import random; import sys; exit_code = random.choice([0, 1, 1]); sys.exit(exit_code)"],
  },
);

const main = steps({ name: "main" }, () => {
  retryBackoff();
  helloWorld();
});

// Defaults applied to every template (a template may override them).
export default workflow({
  generateName: "template-defaults-",
  labels: { "workflows.argoproj.io/no-test": "expected-failure" },
  annotations: {
    "workflows.argoproj.io/description":
      "Template defaults will provide the fixability to configure the defaults values for all templates in workflow.\nIndividual template can be overide default values.\n",
    "workflows.argoproj.io/version": ">= 3.1.0",
    "workflows.argoproj.io/no-test-reasons": "This tests requires interaction and we can't test it automatically.\n",
  },
  templateDefaults: { timeout: "30s", retryStrategy: { limit: "2" } },
  entrypoint: main,
});
