import { container, parallel, steps, vars, workflow } from "@wfc/sdk";

const randomFail = container(
  { name: "random-fail", retryStrategy: { limit: "10" } },
  {
    image: "python:alpine3.23",
    command: ["python", "-c"],
    args: [
      `import random; import sys; print('retries: ${vars.retries}'); exit_code = random.choice([0, 1, 1]); sys.exit(exit_code)`,
    ],
  },
);

const retryWithSteps = steps({ name: "retry-with-steps" }, () => {
  randomFail({}, { name: "hello1" });
  parallel(() => {
    randomFail({}, { name: "hello2a" });
    randomFail({}, { name: "hello2b" });
  });
});

export default workflow({
  generateName: "retry-with-steps-",
  labels: { "workflows.argoproj.io/no-test": "flaky" },
  entrypoint: retryWithSteps,
});
